import { describeReport, describeTitle } from '../folder/entry';
import { overlap, sharedInstances } from '../folder/folder-index';
import type { FolderRule } from './rule';

export const overlappingIncident: FolderRule = {
  code: 'RCA403',
  name: 'overlapping-incident',
  description: "The report's incident window overlaps another report's on the same instances: one incident reported twice, or two reports to merge.",
  defaultSeverity: 'warning',
  fixable: false,
  checkFolder({ entry, index, report }) {
    const overlapping = index
      .windowsNear(entry)
      .sort((x, y) => x.name.localeCompare(y.name))
      .flatMap((other) => {
        const found = overlap(entry, other);
        return found ? [{ other, ...found }] : [];
      });
    if (!overlapping.length) return;
    // One finding however many reports overlap (a folder with a draft and two copies of it): the first is named,
    // the others counted and pointed at.
    const [first] = overlapping;
    const more = overlapping.length > 1 ? ` and ${overlapping.length - 1} other report${overlapping.length > 2 ? 's' : ''}` : '';
    report({
      range: first.mine.range,
      message: `This window overlaps one of ${describeReport(first.other)}${more} on ${sharedInstances(entry, first.other).join(', ')}: the same incident in two reports?`,
      related: overlapping.map(({ other, theirs }) => ({ range: theirs.range, message: `The window of ${describeTitle(other)}`, file: other.key })),
    });
  },
};
