import type { Rule } from './rule';

/**
 * Not a check of the report: the engine itself reports under this code when part of the work was skipped
 * (a document nested too deep to parse safely, or a rule that failed), so the writer knows the silence
 * of the other rules is not a clean bill of health.
 */
export const incompleteCheck: Rule = {
  code: 'RCA001',
  name: 'incomplete-check',
  description: 'Part of the check was skipped: the document is too large or nested too deep, or a rule failed on it.',
  defaultSeverity: 'information',
  fixable: false,
  check() {
    // Findings come from checkText, which knows what was skipped.
  },
};
