// A string kept across checks must not be a slice of a document version: V8 keeps the whole text a slice was cut
// from alive, so a cache of slices keeps one copy of a long report per edit (2 MB per keystroke in a 1 MB report).

/** A fresh string with the same UTF-16 code units (lone surrogates included), not sharing the original's memory. */
export function copyOf(text: string): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(text, 'utf16le').toString('utf16le');
  // A web worker has no Buffer: strings made from code units share nothing with the original either.
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += 4096) {
    const units = new Array<number>(Math.min(4096, text.length - at));
    for (let i = 0; i < units.length; i++) units[i] = text.charCodeAt(at + i);
    // eslint-disable-next-line no-restricted-syntax -- at most 4,096 arguments: far below the limit
    chunks.push(String.fromCharCode(...units));
  }
  return chunks.join('');
}
