// What Fix All tells the user once it has run, as plain data (activate.ts shows it): no vscode import, so that the
// choice is tested on its own.

export const FIX_ALL_NOTHING = 'RCA Writer: nothing to fix automatically in this report.';
export const FIX_ALL_CHANGED = 'RCA Writer: the report changed while its fixes were made; run Fix All again.';

export interface FixAllRun {
  /** The report's text changed between asking for the fixes and applying them. */
  textChanged: boolean;
  /** The server offered a Fix All edit. */
  fixOffered: boolean;
  /** The editor applied that edit. */
  applied: boolean;
}

/**
 * The message for one run of Fix All, or undefined when the fixes were applied. The server answers ServerCancelled
 * when a newer version arrives while it proves the fixes, and the editor then gets no edit (or a cancellation): that
 * is a reason to run it again, neither an error nor "nothing to fix".
 */
export function fixAllMessage(run: FixAllRun): string | undefined {
  if (run.applied) return undefined;
  if (run.textChanged) return FIX_ALL_CHANGED;
  // The edit names the version it was made for, so a refused edit means the text changed meanwhile.
  return run.fixOffered ? FIX_ALL_CHANGED : FIX_ALL_NOTHING;
}
