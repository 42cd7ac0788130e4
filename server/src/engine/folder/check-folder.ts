// The cross-report rules over one report of an index: its findings, with the severities its settings give and
// its suppression comments applied, as checkText does for the document rules.
import { folderRules } from '../rules';
import { diagnosticOf } from '../rules/rule';
import type { RcaSettings } from '../settings';
import { applySuppressionComments } from '../suppress';
import { comparePositions } from '../text';
import type { RcaDiagnostic } from '../types';
import type { FolderIndex } from './folder-index';

/** The cross-report findings of the report `key` of the index (none when it is not there). */
export function checkFolderEntry(index: FolderIndex, key: string, settings: RcaSettings): RcaDiagnostic[] {
  const entry = index.get(key);
  if (!entry) return [];
  const diagnostics: RcaDiagnostic[] = [];
  for (const rule of folderRules) {
    const configured = settings.rules[rule.code] ?? settings.rules[rule.name];
    if (configured === 'off') continue;
    rule.checkFolder({
      entry,
      index,
      report(finding) {
        const severity = configured ?? finding.severity ?? rule.defaultSeverity;
        diagnostics.push(diagnosticOf(finding, rule, severity));
      },
    });
  }
  return applySuppressionComments(entry.comments, diagnostics).sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
}
