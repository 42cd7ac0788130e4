// The reports of a folder, indexed for the cross-report rules (RCA4xx): updated one report at a time, so that an
// edit re-indexes that report alone, and asked what another report shares with one, never comparing every pair.
import { ymdKey } from '../time/calendar';
import type { IndexedParagraph, ReportEntry } from './entry';
import { NEAR_SIMILARITY, similarity } from './fingerprint';

/** A paragraph of another report that is the same as, or nearly the same as, one of this report's. */
export interface ParagraphMatch {
  other: ReportEntry;
  paragraph: IndexedParagraph;
  exact: boolean;
}

/** Reports that must share a fingerprint, at least, before it is boilerplate (with more than half of the folder). */
export const MIN_BOILERPLATE_REPORTS = 3;

export class FolderIndex {
  private readonly entries = new Map<string, ReportEntry>();
  /** Fingerprint text to the reports holding it. */
  private readonly byText = new Map<string, Set<string>>();
  /**
   * Word-pair hash to the slots (see `slots`) of the reports holding it: where near copies are looked for. Counting
   * the hits of a paragraph's pairs by report was most of the cross-report rules' time over 1,000 reports written
   * from one vocabulary, whose pairs each hundreds of them hold: by slot, the count is an array's, and the holders
   * are read from an array (in the order they were added, as a set would give them) at a tenth of a set's cost.
   */
  private readonly byShingle = new Map<number, number[]>();
  /** Each report's slot, a small number, and the report in each slot; a removed report's slot is used again. */
  private readonly slots = new Map<string, number>();
  private readonly inSlot: (ReportEntry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Hits per slot while findMatches counts them (zero in between). */
  private hitCounts = new Int32Array(0);
  /**
   * The slots findMatches hit, in the order first hit: an array kept from call to call, since a paragraph of common
   * pairs hits hundreds of reports (a new list each time was a sixth of what the folder rules allocated).
   */
  private hitSlots = new Int32Array(0);
  /** Incident day (ymdKey) to the reports of that day. */
  private readonly byIncident = new Map<number, Set<string>>();
  /** A title's instances (two or more, sorted and joined) to the reports of that title: where a copied list is looked for. */
  private readonly byTitleInstances = new Map<string, Set<string>>();
  /** UTC day (days since the epoch) to the reports with a window on it: where overlaps are looked for. */
  private readonly byDay = new Map<number, Set<string>>();
  /**
   * matches() per paragraph until the index changes: RCA402 and RCA404 both ask for an action item's. A Map emptied
   * on every change, not a WeakMap, whose insertions cost more, for paragraphs of the reports indexed.
   */
  private readonly matched = new Map<IndexedParagraph, ParagraphMatch[]>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string): ReportEntry | undefined {
    return this.entries.get(key);
  }

  all(): IterableIterator<ReportEntry> {
    return this.entries.values();
  }

  /** Adds a report, or replaces the one of the same key. */
  set(entry: ReportEntry): void {
    this.remove(entry.key);
    this.matched.clear();
    this.entries.set(entry.key, entry);
    const slot = this.freeSlots.pop() ?? this.inSlot.length;
    this.slots.set(entry.key, slot);
    this.inSlot[slot] = entry;
    for (const key of this.keysOf(entry)) key.map.set(key.value, (key.map.get(key.value) ?? new Set()).add(entry.key));
    // Each pair once per report, as shinglesOf gives them, without building that set: this report's slot is the last
    // of a pair's holders exactly when one of its paragraphs had the pair already.
    for (const paragraph of entry.paragraphs) {
      for (const shingle of paragraph.fingerprint.shingles) {
        const holders = this.byShingle.get(shingle);
        if (!holders) this.byShingle.set(shingle, [slot]);
        else if (holders[holders.length - 1] !== slot) holders.push(slot);
      }
    }
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.matched.clear();
    this.entries.delete(key);
    for (const { map, value } of this.keysOf(entry)) {
      const holders = map.get(value);
      holders?.delete(key);
      if (holders?.size === 0) map.delete(value);
    }
    const slot = this.slots.get(key)!;
    this.slots.delete(key);
    this.inSlot[slot] = undefined;
    this.freeSlots.push(slot);
    for (const shingle of shinglesOf(entry)) {
      const holders = this.byShingle.get(shingle) ?? [];
      const at = holders.lastIndexOf(slot);
      if (at >= 0) holders.splice(at, 1);
      if (holders.length === 0) this.byShingle.delete(shingle);
    }
  }

  private *keysOf(entry: ReportEntry): Generator<{ map: Map<never, Set<string>>; value: never }> {
    const of = <K>(map: Map<K, Set<string>>, value: K) => ({ map: map as Map<never, Set<string>>, value: value as never });
    for (const paragraph of entry.paragraphs) {
      yield of(this.byText, paragraph.fingerprint.text);
    }
    if (entry.incident) yield of(this.byIncident, ymdKey(entry.incident));
    if (entry.titleInstances.length >= 2) yield of(this.byTitleInstances, entry.titleInstances.join(' '));
    for (const day of windowDays(entry)) yield of(this.byDay, day);
  }

  /** Text that most of the folder shares (more than half of the reports, and at least MIN_BOILERPLATE_REPORTS): the house template. */
  isBoilerplate(text: string): boolean {
    const holders = this.byText.get(text)?.size ?? 0;
    return holders >= MIN_BOILERPLATE_REPORTS && holders * 2 > this.entries.size;
  }

  private isCommon(holders: number): boolean {
    return holders >= MIN_BOILERPLATE_REPORTS && holders * 2 > this.entries.size;
  }

  /** The other reports whose incident is this day. */
  incidentsOn(day: number, except: string): ReportEntry[] {
    return [...(this.byIncident.get(day) ?? [])].filter((key) => key !== except).map((key) => this.entries.get(key)!);
  }

  /** The other reports whose title names exactly these instances (sorted). */
  titledWith(codes: readonly string[], except: string): ReportEntry[] {
    return [...(this.byTitleInstances.get(codes.join(' ')) ?? [])].filter((key) => key !== except).map((key) => this.entries.get(key)!);
  }

  /** The other reports with a window on a day of one of this report's windows. */
  windowsNear(entry: ReportEntry): ReportEntry[] {
    const keys = new Set<string>();
    for (const day of windowDays(entry)) for (const key of this.byDay.get(day) ?? []) if (key !== entry.key) keys.add(key);
    return [...keys].map((key) => this.entries.get(key)!);
  }

  /**
   * The paragraphs of other reports that are this one, masked, or nearly (word pairs alike by NEAR_SIMILARITY),
   * unless it or they are boilerplate. Near copies are looked for through the pairs few reports share: a report
   * is compared only when it holds most of them. A paragraph most of whose pairs the folder shares is a variant of
   * the template ("... returned errors" for "... were slow"), not a copy.
   */
  matches(entry: ReportEntry, paragraph: IndexedParagraph): ParagraphMatch[] {
    let found = this.matched.get(paragraph);
    if (!found) this.matched.set(paragraph, (found = this.findMatches(entry, paragraph)));
    return found;
  }

  private findMatches(entry: ReportEntry, paragraph: IndexedParagraph): ParagraphMatch[] {
    if (this.isBoilerplate(paragraph.fingerprint.text)) return [];
    const shingles = paragraph.fingerprint.shingles;
    // Each pair as one number that sorts by its holders, then by the pair (exact while fewer than 2^21 reports hold
    // it): no object per pair of every paragraph asked about, and a typed array's sort, which calls no comparator.
    const held = new Float64Array(shingles.length);
    let rare = 0;
    for (let i = 0; i < shingles.length; i++) {
      const holders = this.byShingle.get(shingles[i])?.length ?? 0;
      if (!this.isCommon(holders)) rare++;
      held[i] = holders * PAIR_VALUES + (shingles[i] - INT32_MIN);
    }
    if (rare * 2 < shingles.length) return [];
    // Prefix filtering: a paragraph alike by NEAR_SIMILARITY shares one of this one's rarest
    // n - ceil(NEAR_SIMILARITY * n) + 1 pairs, so only their holders are compared, never every report holding a
    // common pair (a folder where NA01 and "the service" are everywhere).
    // Past that prefix, each EXTRA pair probed must be matched too: a report sharing fewer of them cannot be alike.
    held.sort();
    const extra = Math.floor(shingles.length * 0.2);
    const probed = Math.min(shingles.length, shingles.length - Math.ceil(NEAR_SIMILARITY * shingles.length) + 1 + extra);
    if (this.hitCounts.length < this.inSlot.length) {
      this.hitCounts = new Int32Array(this.inSlot.length * 2);
      this.hitSlots = new Int32Array(this.inSlot.length * 2);
    }
    const counts = this.hitCounts;
    const hit = this.hitSlots;
    let hits = 0;
    const own = this.slots.get(entry.key);
    for (let i = 0; i < probed; i++) {
      const shingle = (held[i] % PAIR_VALUES) + INT32_MIN;
      for (const slot of this.byShingle.get(shingle) ?? []) {
        if (slot === own) continue;
        if (counts[slot]++ === 0) hit[hits++] = slot;
      }
    }
    const found: ParagraphMatch[] = [];
    const size = shingles.length;
    for (let h = 0; h < hits; h++) {
      const slot = hit[h];
      const count = counts[slot];
      counts[slot] = 0;
      if (count <= extra) continue;
      const report = this.inSlot[slot]!;
      for (const candidate of report.paragraphs) {
        // Jaccard cannot reach NEAR_SIMILARITY between lists whose sizes differ more than that.
        const other = candidate.fingerprint.shingles.length;
        if (Math.min(size, other) < Math.max(size, other) * NEAR_SIMILARITY) continue;
        if (this.isBoilerplate(candidate.fingerprint.text)) continue;
        const exact = candidate.fingerprint.text === paragraph.fingerprint.text;
        if (exact || similarity(candidate.fingerprint.shingles, shingles) >= NEAR_SIMILARITY) {
          found.push({ other: report, paragraph: candidate, exact });
          break;
        }
      }
    }
    return found.sort((x, y) => x.other.name.localeCompare(y.other.name));
  }
}

/** How many values a word pair's hash (a signed 32-bit integer, see fingerprint.ts) takes, and the least of them. */
const PAIR_VALUES = 2 ** 32;
const INT32_MIN = -(2 ** 31);

/** The word pairs of the report's paragraphs, each once. */
function shinglesOf(entry: ReportEntry): Set<number> {
  const shingles = new Set<number>();
  for (const paragraph of entry.paragraphs) for (const shingle of paragraph.fingerprint.shingles) shingles.add(shingle);
  return shingles;
}

const DAY_MS = 86_400_000;
/** Days a window is indexed under, at most: an outage is hours long, and a window of months is a typo. */
const MAX_WINDOW_DAYS = 62;

/** The UTC days the report's windows touch (each window's first MAX_WINDOW_DAYS). */
function windowDays(entry: ReportEntry): Set<number> {
  const days = new Set<number>();
  for (const window of entry.windows) {
    const first = Math.floor(window.start / DAY_MS);
    const last = Math.min(Math.floor(window.end / DAY_MS), first + MAX_WINDOW_DAYS - 1);
    for (let day = first; day <= last; day++) days.add(day);
  }
  return days;
}

/** Whether two reports' incidents are in this order by day; unknown when either has none. */
export function isEarlier(a: ReportEntry, b: ReportEntry): boolean | undefined {
  if (!a.incident || !b.incident) return undefined;
  return ymdKey(a.incident) < ymdKey(b.incident);
}

/** Instances both reports name. */
export function sharedInstances(a: ReportEntry, b: ReportEntry): string[] {
  const theirs = new Set(b.instances);
  return a.instances.filter((instance) => theirs.has(instance));
}

/** The two reports' windows overlap on a shared instance (and, when both name products, a shared product). */
export function overlap(a: ReportEntry, b: ReportEntry): { mine: ReportEntry['windows'][number]; theirs: ReportEntry['windows'][number] } | undefined {
  if (!sharedInstances(a, b).length) return undefined;
  if (a.products.length && b.products.length && !a.products.some((p) => b.products.includes(p))) return undefined;
  for (const mine of a.windows) {
    for (const theirs of b.windows) if (mine.start < theirs.end && theirs.start < mine.end) return { mine, theirs };
  }
  return undefined;
}
