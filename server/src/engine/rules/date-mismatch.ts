import { analyzeTimes, type TimeAnalysis } from '../time/analyze';
import { maxOf, minOf } from '../numbers';
import { ymdKey } from '../time/calendar';
import type { DateMention } from '../time/dates';
import { describeYmd, replaceDate, sameYmd } from '../time/format';
import { dateRanges, datesIn, differences, incidentStart, statedYmd, timelineDays, type StatedDate } from '../time/incident';
import type { Fix } from '../types';
import type { Rule } from './rule';

/** The full dates on the line of a date, itself included. */
function datesOnLine(a: TimeAnalysis, date: DateMention): StatedDate[] {
  const from = a.masked.lastIndexOf('\n', date.start - 1) + 1;
  const to = a.masked.indexOf('\n', date.end);
  const end = to < 0 ? a.masked.length : to;
  return a.dates.flatMap((mention) => {
    const ymd = mention.start >= from && mention.end <= end ? statedYmd(mention, a) : undefined;
    return ymd ? [{ mention, ymd }] : [];
  });
}

export const dateMismatch: Rule = {
  code: 'RCA201',
  name: 'date-mismatch',
  description: 'The title, the introduction and the timeline name different incident dates.',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    // With no date in the title, a line that labels the incident's date states it as a title would.
    const titleMention = a.titleDate ?? a.incidentDateLine;
    const named = a.titleDate ? 'title' : 'incident date line';
    const titleYmd = titleMention && titleMention.year !== undefined ? statedYmd(titleMention, a) : undefined;
    const title: StatedDate | undefined = titleMention && titleYmd ? { mention: titleMention, ymd: titleYmd } : undefined;
    const intro = datesIn(a, a.introIndex);
    const timeline = timelineDays(a);
    const reference = timeline.written[0];
    const fixTo = (target: StatedDate, ymd: typeof target.ymd, source: string): Fix => ({
      title: `Use ${source}'s date, ${describeYmd(ymd)}`,
      edits: [{ range: doc.lines.range(target.mention.start, target.mention.end), newText: replaceDate(target.mention, ymd) }],
      isPreferred: true,
    });
    const say = (d: StatedDate) => d.mention.text.replace(/\s+/g, ' ').trim();
    // The introduction's first date, wherever the introduction repeats it: a date carried over from an older report
    // is usually written more than once, and one fix corrects each place.
    const reportIntro = (ymd: StatedDate['ymd'], source: string) => {
      for (const d of intro.filter((d) => sameYmd(d.ymd, intro[0].ymd))) {
        report({
          range: doc.lines.range(d.mention.start, d.mention.end),
          sameMistake: 'introduction',
          message: `The introduction says ${say(d)}; ${source} says ${describeYmd(ymd)}: ${differences(d.ymd, ymd)}.`,
          fixes: [fixTo(d, ymd, source)],
        });
      }
    };
    const introMatches = (accepts: (ymd: StatedDate['ymd']) => boolean) => intro.length === 0 || intro.some((d) => accepts(d.ymd));

    if (reference) {
      const titleOk = !title || timeline.accepts(title.ymd);
      const introOk = introMatches(timeline.accepts);
      // Title and introduction agree with each other but not with the timeline: the timeline is the odd one out.
      if (title && intro.length && !titleOk && !introOk && intro.some((d) => sameYmd(d.ymd, title.ymd))) {
        report({
          range: doc.lines.range(reference.mention.start, reference.mention.end),
          message: `The timeline says ${say(reference)}; the ${named} and introduction say ${describeYmd(title.ymd)}: ${differences(reference.ymd, title.ymd)}.`,
          fixes: [fixTo(reference, title.ymd, `the ${named}`)],
        });
        return;
      }
      if (title && !titleOk) {
        report({
          range: doc.lines.range(title.mention.start, title.mention.end),
          message: `The ${named} says ${say(title)}; the timeline says ${describeYmd(reference.ymd)}: ${differences(title.ymd, reference.ymd)}.`,
          fixes: [fixTo(title, reference.ymd, 'the timeline')],
        });
      }
      if (!introOk) {
        reportIntro(reference.ymd, 'the timeline');
        return;
      }
      // "beginning on Tuesday, March 3 and ending on Thursday, March 5" with a timeline from March 4: the end is one of
      // the timeline's days, but the range says the incident began a day before it did.
      const timelineStart = incidentStart(a);
      const range = dateRanges(a, a.introIndex).find((r) => !timeline.accepts(r.start.ymd));
      if (range && timelineStart) {
        const start = range.start;
        report({
          range: doc.lines.range(start.mention.start, start.mention.end),
          message: `The introduction's range starts on ${say(start)}; the timeline starts on ${describeYmd(timelineStart)}: ${differences(start.ymd, timelineStart)}.`,
          fixes: [fixTo(start, timelineStart, 'the timeline')],
        });
      }
      return;
    }
    if (title && intro.length && !intro.some((d) => sameYmd(d.ymd, title.ymd))) reportIntro(title.ymd, `the ${named}`);
    // A bare "Date:" line, with no other date the incident's: the summary that gives another day is the odd one out
    // when that day cannot be the incident's under a line giving the day of writing: a later one (no report is written
    // before its incident), or the line's day of another month or year (one left from the report it was copied from).
    // A line that gives a span ("2026-03-10 to 2026-03-12") holds each day of it.
    const line = !title && a.dateLine ? statedYmd(a.dateLine, a) : undefined;
    if (line && intro.length) {
      const span = [ymdKey(line), ...datesOnLine(a, a.dateLine!).map((d) => ymdKey(d.ymd))];
      const [first, last] = [minOf(span), maxOf(span)];
      const told = intro.map((d) => ymdKey(d.ymd));
      // A summary's span that holds the line's day ("between October 2 and October 19") agrees with it too.
      const within = ymdKey(line) >= minOf(told) && ymdKey(line) <= maxOf(told);
      const summary = intro[0].ymd;
      const cannotBe = ymdKey(summary) > last || (summary.day === line.day && !sameYmd(summary, line));
      if (!within && cannotBe && !told.some((key) => key >= first && key <= last)) reportIntro(line, 'the "Date:" line');
    }
  },
};
