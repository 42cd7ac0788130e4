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
 * then a date written with the month's name that only one reading gives, then how the writer puts the day with a
 * month's name: "3 December 2026" and nothing like "December 3" is the day-first writing of Britain and Europe,
 * whose numeric dates are day first too. (The month first before a name is written on both sides of the Atlantic,
 * so it decides nothing.) What none decides stays month-first and undecided, for RCA215 to report.
 */
export function decideNumericOrder(dates: DateMention[], setting: NumericDateOrder): void {
  const undecided = dates.filter((d) => d.numeric && !d.numeric.decided);
  if (!undecided.length) return;
  const shown = new Set(
    dates.filter((d) => d.numeric && d.style.yearSeparator !== '.' && (d.numeric.first > 12 || d.numeric.second > 12)).map((d) => d.style.order),
  );
  const documentOrder = shown.size === 1 ? ([...shown][0] as 'mdy' | 'dmy') : SETTING_ORDER[setting];
  const named = dates.filter((d) => !d.numeric && d.day !== undefined && d.style.order !== 'iso');
  const written = new Set(named.filter((d) => d.year !== undefined).map((d) => `${d.year}-${d.month}-${d.day}`));
  const namedDayFirst = named.length > 0 && named.every((d) => d.style.order === 'dmy');
  for (const date of undecided) {
    let order = documentOrder;
    if (!order) {
      const fits = (['mdy', 'dmy'] as const).filter((o) => written.has(`${date.year}-${reading(date, o).month}-${reading(date, o).day}`));
      if (fits.length === 1) order = fits[0];
      else if (fits.length === 0 && namedDayFirst) order = 'dmy';
      else continue;
    }
    Object.assign(date, reading(date, order));
    date.style = { ...date.style, order };
    date.numeric!.decided = true;
  }
}
