import { describeReport, describeTitle } from '../folder/entry';
import { isEarlier, overlap } from '../folder/folder-index';
import { repeatsPromise } from './repeated-promise';
import type { FolderRule } from './rule';

export const copiedParagraph: FolderRule = {
  code: 'RCA402',
  name: 'copied-paragraph',
  description: "A timeline, root-cause or action paragraph is the same as another report's, dates, times and instance codes aside.",
  defaultSeverity: 'information',
  fixable: false,
  checkFolder({ entry, index, report }) {
    for (const paragraph of entry.paragraphs) {
      const match = index.matches(entry, paragraph).find(({ other }) => {
        // The earlier report is the original; its writer copied nothing. A duplicate report is RCA403's, and an
        // action promised again for the same instances RCA404's.
        if (isEarlier(entry, other)) return false;
        if (overlap(entry, other)) return false;
        return !(paragraph.role === 'actions' && repeatsPromise(entry, other));
      });
      if (!match) continue;
      const { other, exact } = match;
      report({
        range: paragraph.range,
        message: `This paragraph is ${exact ? 'the same as' : 'nearly the same as'} one in ${describeReport(other)}, dates, times and instance codes aside: is it this incident's?`,
        related: [{ range: match.paragraph.range, message: `The paragraph in ${describeTitle(other)}`, file: other.key }],
      });
    }
  },
};
