import { describeIncident, describeReport, describeTitle, type ReportEntry } from '../folder/entry';
import { isEarlier, sharedInstances } from '../folder/folder-index';
import type { FolderRule } from './rule';

/** An action of `entry` that `other` may have promised before: `other` is earlier and names some of its instances. */
export function repeatsPromise(entry: ReportEntry, other: ReportEntry): boolean {
  return isEarlier(other, entry) === true && sharedInstances(entry, other).length > 0;
}

export const repeatedPromise: FolderRule = {
  code: 'RCA404',
  name: 'repeated-promise',
  description: 'An action item was already promised by an earlier report on the same instances: the reader will ask why it did not prevent this incident.',
  defaultSeverity: 'information',
  fixable: false,
  checkFolder({ entry, index, report }) {
    for (const paragraph of entry.paragraphs) {
      if (paragraph.role !== 'actions') continue;
      const earlier = index
        .matches(entry, paragraph)
        .filter(({ other }) => repeatsPromise(entry, other))
        .sort((x, y) => (isEarlier(x.other, y.other) ? 1 : -1));
      const match = earlier[0];
      if (!match) continue;
      const { other } = match;
      const when = describeIncident(other);
      report({
        range: paragraph.range,
        message: `${describeReport(other)}${when ? `, of ${when},` : ''} already promised this action for ${sharedInstances(entry, other).join(', ')}: say what is different this time, or why it did not prevent this incident.`,
        related: [{ range: match.paragraph.range, message: `The promise in ${describeTitle(other)}`, file: other.key }],
      });
    }
  },
};
