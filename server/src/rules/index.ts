import { duplicateSection } from './duplicate-section';
import { emptyListItem } from './empty-list-item';
import { emptySection } from './empty-section';
import { missingSection } from './missing-section';
import { nonstandardHeading } from './nonstandard-heading';
import { placeholder } from './placeholder';
import type { Rule } from './rule';
import { sectionOrder } from './section-order';
import { statusLink } from './status-link';
import { titleFormat } from './title-format';

export type { Rule, RuleContext } from './rule';

/** Every rule, in code order. New rules are added here and nowhere else. */
export const allRules: readonly Rule[] = [
  missingSection,
  sectionOrder,
  duplicateSection,
  emptySection,
  nonstandardHeading,
  titleFormat,
  emptyListItem,
  statusLink,
  placeholder,
].sort((a, b) => a.code.localeCompare(b.code));

export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return allRules.find((rule) => rule.code === key.toUpperCase() || rule.name === key.toLowerCase());
}
