import type { DateMention } from './dates';

/** The `numericDateOrder` setting: which number of "11/03/2024" is the month when the document does not say. */
export type NumericDateOrder = '' | 'month-first' | 'day-first';

const SETTING_ORDER: Record<NumericDateOrder, 'mdy' | 'dmy' | undefined> = { '': undefined, 'month-first': 'mdy', 'day-first': 'dmy' };

function reading(date: DateMention, order: 'mdy' | 'dmy'): { month: number; day: number } {
  const { first, second } = date.numeric!;
  return order === 'mdy' ? { month: first, day: second } : { month: second, day: first };
}

/**
 * Decides the numeric dates whose two numbers could both be the month ("11/03/2024"), in place: the document's other
 * numeric dates first (one with a number over 12, "03/20/2023", shows the order the writer uses), then the setting,
 * then a date written with the month's name that only one reading gives. What none decides stays month-first and
 * undecided, for RCA215 to report.
 */
export function decideNumericOrder(dates: DateMention[], setting: NumericDateOrder): void {
  const undecided = dates.filter((d) => d.numeric && !d.numeric.decided);
  if (!undecided.length) return;
  const shown = new Set(
    dates.filter((d) => d.numeric && d.style.yearSeparator !== '.' && (d.numeric.first > 12 || d.numeric.second > 12)).map((d) => d.style.order),
  );
  const documentOrder = shown.size === 1 ? ([...shown][0] as 'mdy' | 'dmy') : SETTING_ORDER[setting];
  const written = new Set(dates.filter((d) => !d.numeric && d.year !== undefined && d.day !== undefined).map((d) => `${d.year}-${d.month}-${d.day}`));
  for (const date of undecided) {
    let order = documentOrder;
    if (!order) {
      const fits = (['mdy', 'dmy'] as const).filter((o) => written.has(`${date.year}-${reading(date, o).month}-${reading(date, o).day}`));
      if (fits.length !== 1) continue;
      order = fits[0];
    }
    Object.assign(date, reading(date, order));
    date.style = { ...date.style, order };
    date.numeric!.decided = true;
  }
}
