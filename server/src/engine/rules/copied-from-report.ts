import { describeReport, describeTitle, type ReportEntry } from '../folder/entry';
import { sharedInstances } from '../folder/folder-index';
import { ymdKey } from '../time/calendar';
import { describeYmd } from '../time/format';
import type { FolderRule } from './rule';

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Which of the day's reports this one was more likely copied from: the one sharing its instances, then its products. */
function likeness(entry: ReportEntry, other: ReportEntry): number {
  return sharedInstances(entry, other).length * 2 + (entry.products.some((p) => other.products.includes(p)) ? 1 : 0);
}

const PART_NAMES = { title: 'The title', introduction: 'The introduction', timeline: 'The timeline' } as const;

export const copiedFromReport: FolderRule = {
  code: 'RCA401',
  name: 'copied-from-report',
  description:
    "A date that disagrees with the report's own title or timeline, a list of instances the title does not name, or a product the timeline does not name is another report's: it was copied from that report.",
  defaultSeverity: 'warning',
  fixable: true,
  checkFolder({ entry, index, report }) {
    // Only where RCA201 finds the report at odds with itself: a date naming another incident elsewhere (a root
    // cause recalling an earlier outage) is no copy.
    const copied = entry.disagreeing.flatMap((date) => {
      const others = index.incidentsOn(ymdKey(date.ymd), entry.key).sort((x, y) => likeness(entry, y) - likeness(entry, x) || x.name.localeCompare(y.name));
      return others.length ? [{ date, others }] : [];
    });
    for (const { date, others } of copied) {
      const other = others[0];
      const more = others.length > 1 ? ` and of ${others.length - 1} other report${others.length > 2 ? 's' : ''}` : '';
      // Title against timeline: when both name other incidents, which one was copied cannot be told.
      const counterpart = entry.disagreeing.find((d) => d.part === date.fixFrom);
      if (counterpart && copied.some((c) => c.date === counterpart)) continue;
      const own = entry.disagreeing.find((d) => d.part === date.fixFrom)?.ymd ?? entry.incident;
      const ownSays = date.fixFrom && own ? `; this report's ${date.fixFrom} says ${describeYmd(own)}` : '';
      report({
        range: date.range,
        message: `${PART_NAMES[date.part]} says ${date.text}: that is the incident date of ${describeReport(other)}${more}${ownSays}.`,
        related: others.map((o) => ({ range: o.titleRange ?? ORIGIN, message: `The incident of ${describeTitle(o)}`, file: o.key })),
        fixes:
          date.fixText !== undefined && own
            ? [{ title: `Use this report's date, ${describeYmd(own)}`, edits: [{ range: date.range, newText: date.fixText }], isPreferred: true }]
            : undefined,
      });
    }
    // Copied from a report of the same day or before, the latest first: a later report cannot have been left in this one.
    const day = entry.incident && ymdKey(entry.incident);
    const earlier = (reports: Iterable<ReportEntry>) =>
      [...reports]
        .filter((o) => o.key !== entry.key && (!day || !o.incident || ymdKey(o.incident) <= day))
        .sort((x, y) => (y.incident ? ymdKey(y.incident) : 0) - (x.incident ? ymdKey(x.incident) : 0) || x.name.localeCompare(y.name));
    for (const list of entry.strayLists) {
      const others = earlier(index.titledWith(list.codes, entry.key));
      if (!others.length) continue;
      const more = others.length > 1 ? ` and of ${others.length - 1} other report${others.length > 2 ? 's' : ''}` : '';
      report({
        range: list.range,
        message: `${PART_NAMES[list.part]} names ${list.text}: that is the instance list of ${describeReport(others[0])}${more}; this report's title names ${entry.titleInstances.join(', ')}.`,
        related: others.map((o) => ({ range: o.titleRange ?? ORIGIN, message: `The title of ${describeTitle(o)}`, file: o.key })),
      });
    }
    const stray = entry.strayProducts;
    if (stray) {
      // Many reports name the same product: only one of the same instances whose introduction names just these is a source.
      const same = (o: ReportEntry) => o.introProducts.join(' ') === stray.families.join(' ') && sharedInstances(entry, o).length > 0;
      const others = stray.families.length && entry.instances.length ? earlier(index.all()).filter(same) : [];
      if (others.length) {
        const more = others.length > 1 ? ` and of ${others.length - 1} other report${others.length > 2 ? 's' : ''}` : '';
        report({
          range: stray.range,
          message: `The introduction names ${stray.families.join(', ')}, which the timeline does not: that is the product of ${describeReport(others[0])}${more}, a report of the same instances.`,
          related: others.map((o) => ({ range: o.titleRange ?? ORIGIN, message: `The report ${describeTitle(o)}`, file: o.key })),
        });
      }
    }
  },
};
