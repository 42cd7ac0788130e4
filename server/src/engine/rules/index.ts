import { ambiguousDate } from './ambiguous-date';
import { ambiguousTime } from './ambiguous-time';
import { chronology } from './chronology';
import { dateMismatch } from './date-mismatch';
import { duplicateSection } from './duplicate-section';
import { durationMismatch } from './duration-mismatch';
import { incompleteDate } from './incomplete-date';
import { instanceMismatch } from './instance-mismatch';
import { invalidTime } from './invalid-time';
import { missingDate } from './missing-date';
import { missingTimeZone } from './missing-time-zone';
import { mixedTimeZones } from './mixed-time-zones';
import { productMismatch } from './product-mismatch';
import { timeRangeOrder } from './time-range-order';
import { unknownTimeZone } from './unknown-time-zone';
import { weekdayMismatch } from './weekday-mismatch';
import { windowMismatch } from './window-mismatch';
import { zoneLocation } from './zone-location';
import { zoneSeason } from './zone-season';
import { emptyListItem } from './empty-list-item';
import { incompleteCheck } from './incomplete-check';
import { emptySection } from './empty-section';
import { missingHeading } from './missing-heading';
import { missingSection } from './missing-section';
import { nonstandardHeading } from './nonstandard-heading';
import { placeholder } from './placeholder';
import type { FolderRule, Rule } from './rule';
import { copiedFromReport } from './copied-from-report';
import { copiedParagraph } from './copied-paragraph';
import { overlappingIncident } from './overlapping-incident';
import { repeatedPromise } from './repeated-promise';
import { sectionOrder } from './section-order';
import { statusLink } from './status-link';
import { titleFormat } from './title-format';

export type { FolderRule, FolderRuleContext, Rule, RuleContext } from './rule';

/** The rules that read dates, times, zones, instances and products (server/src/engine/time): the costly part of a check. */
export const timeRules: ReadonlySet<Rule> = new Set([
  dateMismatch,
  missingDate,
  missingTimeZone,
  unknownTimeZone,
  zoneSeason,
  mixedTimeZones,
  timeRangeOrder,
  invalidTime,
  ambiguousTime,
  weekdayMismatch,
  chronology,
  zoneLocation,
  durationMismatch,
  incompleteDate,
  ambiguousDate,
  windowMismatch,
  instanceMismatch,
  productMismatch,
]);

/** Every rule, in code order. New rules are added here (time rules to timeRules) and nowhere else. */
export const allRules: readonly Rule[] = [
  incompleteCheck,
  missingSection,
  sectionOrder,
  duplicateSection,
  emptySection,
  nonstandardHeading,
  titleFormat,
  emptyListItem,
  statusLink,
  placeholder,
  missingHeading,
  ...timeRules,
].sort((a, b) => a.code.localeCompare(b.code));

/** The cross-report rules (RCA4xx): they run over a folder's index (engine/folder), not in checkText. */
export const folderRules: readonly FolderRule[] = [copiedFromReport, copiedParagraph, overlappingIncident, repeatedPromise];

/** Every rule a setting, a rule page or a SARIF log may name: the document rules, then the cross-report ones. */
export const everyRule: readonly (Rule | FolderRule)[] = [...allRules, ...folderRules];

export function findRule(codeOrName: string): Rule | FolderRule | undefined {
  const key = codeOrName.trim();
  return everyRule.find((rule) => rule.code === key.toUpperCase() || rule.name === key.toLowerCase());
}
