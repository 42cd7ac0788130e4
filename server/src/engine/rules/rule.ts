import type { RcaDocument } from '../model';
import type { Profile } from '../profiles';
import type { RcaSettings } from '../settings';
import type { Finding, Severity } from '../types';

export interface RuleContext {
  doc: RcaDocument;
  profile: Profile;
  settings: RcaSettings;
  report(finding: Finding): void;
}

/**
 * One rule per file. Everything a user, the docs or a SARIF log need to know about the rule
 * stands next to its check.
 */
export interface Rule {
  /** "RCA101" */
  code: string;
  /** "missing-section" */
  name: string;
  /** One sentence: what the rule reports. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers fixes (some findings may still have none). */
  fixable: boolean;
  check(context: RuleContext): void;
}
