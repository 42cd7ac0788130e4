// Math.min(...values) puts every value on the stack and overflows past ~100k values; these don't.

export function minOf(values: Iterable<number>, empty = Infinity): number {
  let result = empty;
  for (const value of values) if (value < result) result = value;
  return result;
}

export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let result = empty;
  for (const value of values) if (value > result) result = value;
  return result;
}
