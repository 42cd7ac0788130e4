// The time engine: extraction and normalisation of dates, times and zones. No LSP imports.
export { analyzeTimes, type TimeAnalysis } from './analyze';
export type { Ymd } from './calendar';
export type { TimePoint, TimeWindow } from './window';
export { findDates, findTimes, type DateMention, type TimeMention } from './dates';
export { findDurations } from './durations';
export { timeInfoAt, timelineHints, type TimelineHint } from './hover';
export { zoneTable, type ZoneMatch } from './zones';
