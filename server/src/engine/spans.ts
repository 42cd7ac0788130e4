import { firstAtOrAfter } from './numbers';

/** A stretch of the text, from `start` up to (not including) `end`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * "Does any of these spans overlap this one?" in a binary search, not a walk of the list: a sentence of 20,000 times
 * and zone phrases asked it once per phrase, which grew with the square of the sentence. Spans may overlap each other.
 */
export class SpanIndex {
  private readonly starts: number[];
  /** The furthest end among the spans up to each one (by start). */
  private readonly reach: number[];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.reach = [];
    let furthest = -Infinity;
    for (const s of sorted) this.reach.push((furthest = Math.max(furthest, s.end)));
  }

  /** Whether a span starts before `end` and ends after `start`. */
  overlaps(start: number, end: number): boolean {
    const before = firstAtOrAfter(this.starts, end, (s) => s);
    return before > 0 && this.reach[before - 1] > start;
  }
}

/**
 * Spans that never overlap one another, added one at a time, each only if it overlaps none already there: "is this
 * one free?" is a binary search, and a span after every other (the usual order of one pattern's matches) is appended.
 */
export class DisjointSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Whether a span starts before `end` and ends after `start`. */
  overlaps(start: number, end: number): boolean {
    // Disjoint and ordered by start, so ordered by end too: the last span starting before `end` reaches furthest.
    const before = firstAtOrAfter(this.starts, end, (s) => s);
    return before > 0 && this.ends[before - 1] > start;
  }

  /** Adds the span unless it overlaps one already there; says whether it did. */
  add(start: number, end: number): boolean {
    if (this.overlaps(start, end)) return false;
    const at = firstAtOrAfter(this.starts, start, (s) => s);
    if (at === this.starts.length) {
      this.starts.push(start);
      this.ends.push(end);
    } else {
      this.starts.splice(at, 0, start);
      this.ends.splice(at, 0, end);
    }
    return true;
  }
}
