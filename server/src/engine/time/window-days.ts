import { addDays, ymdOf, type Ymd } from './calendar';
import type { DateMention } from './dates';
import type { Sentence } from './text';
import type { TimeWindow } from './window';
import { computeInstants } from './window-instants';

/**
 * A conversion without a date of its own ("23:30 CDT (04:30 UTC)", a Pacific column beside a UTC one) is on the day,
 * of the one carried and those either side of it, that puts it nearest the moment it restates: a time zone moves it by
 * at most a day. It carries no day and moves no day on: the entries' own times do.
 */
function nearestDay(w: TimeWindow, of: TimeWindow, carried: Ymd): void {
  const target = of.startMillis;
  if (target === undefined || w.startMillis === undefined) return;
  let best = { gap: Math.abs(w.startMillis - target), shift: 0 };
  for (const shift of [-1, 1]) {
    const moved = { ...w, start: { ...w.start, ymd: addDays(carried, shift) }, end: w.end && { ...w.end, ymd: w.end.ymd && addDays(w.end.ymd, shift) } };
    computeInstants(moved);
    if (moved.startMillis !== undefined && Math.abs(moved.startMillis - target) < best.gap) best = { gap: Math.abs(moved.startMillis - target), shift };
  }
  if (best.shift === 0) return;
  w.start.ymd = addDays(carried, best.shift);
  if (w.end?.ymd && !w.end.date) w.end.ymd = addDays(w.end.ymd, best.shift);
  computeInstants(w);
}

export interface DayContext {
  incident?: Ymd;
  /** The year of dates written without one. */
  incidentYear?: number;
  timelineIndex: number;
  introIndex: number;
  /** The impact section's: its times, like the introduction's, are the incident's ("Between 08:15 and 09:40 UTC, …"). */
  impactIndex: number;
}

/**
 * The day each window of one section is read on, and then its instants: the date written with it, else one carried
 * from earlier in the section, else (in the introduction and the timeline) the incident's. What is carried is a
 * range's start date, not its end date: in "July 14, 2025, from 11:45 p.m. until 12:30 a.m. on July 15." the entries
 * below begin on July 14, and move to the next day only when they run past midnight (as RCA211 reads them).
 */
export class SectionDays {
  private carriedDate: DateMention | undefined;
  /** The day carried instead of carriedDate's once the timeline has run past midnight ("11:52 PM", then "12:30 AM"). */
  private carriedYmd: Ymd | undefined;
  /** The latest start so far in the section, to see a timeline run past midnight. */
  private latestStart: number | undefined;

  constructor(private readonly context: DayContext) {}

  /** Reads the windows of the section's next sentence, whose dates are `sDates`. */
  read(windows: TimeWindow[], sDates: DateMention[], sentence: Sentence): void {
    // Most sentences of a long report hold neither: they change nothing, and a set each was 2 MB of garbage a check.
    if (!windows.length && !sDates.length) return;
    const { incident, incidentYear, timelineIndex, introIndex, impactIndex } = this.context;
    const endDates = new Set<DateMention>();
    for (const w of windows) {
      let startYmd = w.start.date ? ymdOf(w.start.date, incidentYear) : (this.carriedYmd ?? ymdOf(this.carriedDate, incidentYear));
      startYmd ??= w.section === timelineIndex || w.section === introIndex || (impactIndex >= 0 && w.section === impactIndex) ? incident : undefined;
      w.start.ymd = startYmd;
      if (w.conversionOf) {
        // The same moment in another zone, often on another day: its date stays with it.
        for (const date of [w.start.date, w.end?.date]) if (date) endDates.add(date);
      } else if (w.start.date) {
        this.carriedDate = w.start.date;
        this.carriedYmd = undefined;
      }
      if (w.end) {
        if (w.end.date) {
          w.end.ymd = ymdOf(w.end.date, startYmd?.year ?? incidentYear);
          endDates.add(w.end.date);
        } else w.end.ymd = startYmd;
      }
      computeInstants(w);
      if (w.conversionOf && !w.start.date && startYmd) {
        nearestDay(w, w.conversionOf, startYmd);
        continue;
      }
      // "11:52 PM – …" then "12:30 AM – …" with no date: between 12 and 24 hours earlier is the next day.
      if (!w.start.date && startYmd && w.section === timelineIndex && w.startMillis !== undefined && this.latestStart !== undefined) {
        const gap = this.latestStart - w.startMillis;
        if (gap > 12 * 3600000 && gap < 24 * 3600000) {
          const next = addDays(startYmd, 1);
          w.start.ymd = next;
          if (w.end && !w.end.date) w.end.ymd = next;
          w.nextDay = undefined;
          w.backwards = undefined;
          computeInstants(w);
          this.carriedYmd = next;
        }
      }
      if (w.startMillis !== undefined && (this.latestStart === undefined || w.startMillis > this.latestStart)) this.latestStart = w.startMillis;
    }
    let lastDate: DateMention | undefined;
    for (let i = sDates.length - 1; i >= 0 && !lastDate; i--) if (!endDates.has(sDates[i]) && this.leadsOn(sDates[i], sentence)) lastDate = sDates[i];
    if (lastDate && (!this.carriedDate || lastDate.start > this.carriedDate.start)) {
      this.carriedDate = lastDate;
      this.carriedYmd = undefined;
    }
  }

  /**
   * Whether a date the sentence's times did not take dates what follows. In a timeline's list item or table row it
   * does when it heads its sentence ("March 13:", "| 12 Mar 2026 |", "Next day, March 13"); one in an entry's account
   * ("the certificate replaced on 3 December") tells of another day and leaves the next entries on theirs. In prose
   * ("Work resumed on March 13.") it does wherever it stands.
   */
  private leadsOn(date: DateMention, sentence: Sentence): boolean {
    const block = sentence.block;
    if (block.section !== this.context.timelineIndex || (block.listItem < 0 && block.tableRow === undefined)) return true;
    const lead = sentence.text.slice(0, date.start - sentence.start);
    return (lead.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 2;
  }
}
