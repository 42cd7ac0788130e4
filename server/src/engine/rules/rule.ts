import type { ReportEntry } from '../folder/entry';
import type { FolderIndex } from '../folder/folder-index';
import type { RcaDocument } from '../model';
import type { Profile } from '../profiles';
import type { RcaSettings } from '../settings';
import type { PartialTimeAnalysis } from '../time/partial';
import type { Finding, RcaDiagnostic, Severity } from '../types';

export interface RuleContext {
  doc: RcaDocument;
  profile: Profile;
  settings: RcaSettings;
  report(finding: Finding): void;
  /**
   * Given to a rule with `partialTimes` when the date and time analysis ran out of time: what the lines it read say.
   * The rule reads it instead of analyzeTimes, which would start the analysis again.
   */
  partialTimes?: PartialTimeAnalysis;
}

/**
 * A rule's finding as the check lists it: the finding's own fields in their order, then the rule's code and name, the
 * severity and the source (the same object `{ ...finding, code, rule, severity, source }` gives). Built field by
 * field: V8 made that spread about 3.5 µs a finding, 0.8 s of a check that found 230,000 placeholders on one line.
 */
export function diagnosticOf(finding: Finding, rule: Pick<Rule, 'code' | 'name'>, severity: Severity): RcaDiagnostic {
  const diagnostic: Record<string, unknown> = {};
  for (const key in finding) diagnostic[key] = finding[key as keyof Finding];
  diagnostic.code = rule.code;
  diagnostic.rule = rule.name;
  diagnostic.severity = severity;
  diagnostic.source = 'rca-writer';
  return diagnostic as unknown as RcaDiagnostic;
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
  /**
   * A date and time rule whose every finding lies within one sentence ("14:00 PM"), drawn from nothing the rest of
   * the document says: when the analysis runs out of time it runs on the lines read (context.partialTimes).
   */
  partialTimes?: true;
  check(context: RuleContext): void;
}

export interface FolderRuleContext {
  /** The report checked, as the folder index holds it. */
  entry: ReportEntry;
  index: FolderIndex;
  /** Related places in other reports carry their `file` (the other entry's key). */
  report(finding: Finding): void;
}

/**
 * A cross-report rule (RCA4xx): it compares one report's index entry with the rest of its folder's
 * (engine/folder), so it runs where a folder is known (`check <folder>`, the server's workspace index), not in checkText.
 */
export interface FolderRule extends Omit<Rule, 'check'> {
  checkFolder(context: FolderRuleContext): void;
}
