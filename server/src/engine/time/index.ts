// The time engine: extraction and normalisation of dates, times and zones. No LSP imports.
export { analyzeTimes, type TimeAnalysis, type TimeWindow, type TimePoint, type Ymd } from './analyze';
export { findDates, findTimes, type DateMention, type TimeMention } from './dates';
export { findDurations } from './durations';
export { timeInfoAt, timelineHints, type TimelineHint } from './hover';
export { zoneTable, type ZoneMatch } from './zones';
