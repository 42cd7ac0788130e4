// Building patterns from words the user or a profile gives (product names, markers, zone phrases).

/** `text` as a pattern that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
