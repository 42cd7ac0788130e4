import type { Ymd } from './calendar';
import type { DateMention, TimeMention } from './dates';
import type { Sentence } from './text';
import type { ZoneMatch } from './zones';

/** A time as the document writes it, with the day, zone and instants it is read as. */
export interface TimePoint {
  time: TimeMention;
  /** The date written for this time in its sentence, when there is one. */
  date?: DateMention;
  /** The calendar date the time is read on (written, carried from context, or the next day across midnight). */
  ymd?: Ymd;
  /** The zone phrase right after this time ("10:23AM Chicago Time Zone"). */
  ownZone?: ZoneMatch;
  /**
   * Every instant the time can mean, earliest first, when its wall time repeats (the night the clocks go back) and no
   * zone written with it settles which; the window's millis hold the reading taken.
   */
  readings?: number[];
  /** The time does not exist in the zone it is read in: the clocks went forward past it by this many minutes. */
  skipped?: number;
}

export type ZoneSource = 'own' | 'sentence' | 'lead' | 'document' | 'default' | 'instance';

/** A single time or a range of two ("from 10:05 until 11:20"), as one sentence writes it. */
export interface TimeWindow {
  start: TimePoint;
  /** Absent for a single time ("at 10:05"). */
  end?: TimePoint;
  /** From the first character of the first time to the last of the last time (zones excluded). */
  from: number;
  to: number;
  sentence: Sentence;
  section: number;
  /** The zone phrase the window is read in, when one is written. */
  zone?: ZoneMatch;
  iana?: string;
  zoneSource?: ZoneSource;
  startMillis?: number;
  endMillis?: number;
  /** The end's date was not written and the end is read on the day after the start. */
  nextDay?: boolean;
  /** Literal reading of the range ends before (or when) it starts. */
  backwards?: boolean;
  /** The window this one restates in another zone, in parentheses: "(16:00 UTC)" in "10:00 CST (16:00 UTC)". */
  conversionOf?: TimeWindow;
}
