import type { RcaDocument } from '../model';
import type { PartialTimeAnalysis } from './partial';

/**
 * The check's work budget, inside the date and time analysis. The check looks at its budget between rules, but the
 * analysis runs inside the first date rule and can take long on one pathological paragraph, so it looks at the
 * deadline too, every few sentences, and stops with TimeAnalysisCut. The rules that need the whole document (its
 * incident date, its zone, the timeline's order) are then skipped, and RCA001 says so: on part of the document a
 * missing date would be a false alarm. The rules whose findings lie within one sentence ("14:00 PM") run on the
 * lines read (analyze.ts, `partial`).
 */
export class TimeAnalysisCut extends Error {
  constructor(
    /** How far the analysis got: "line 1,234 of 20,000". */
    readonly reached: string,
    /** Where the words of the sentence it was about to read start. */
    readonly offset: number,
    /** What the lines before it say, when the analysis could tell (analyze.ts). */
    readonly partial?: PartialTimeAnalysis,
  ) {
    super(`the date and time analysis ran out of time at ${reached}`);
  }
}

const deadlines = new WeakMap<RcaDocument, () => boolean>();

/** While a check runs its rules, the analysis of `doc` stops once `pastDeadline` says so; `undefined` lifts it. */
export function setTimeDeadline(doc: RcaDocument, pastDeadline: (() => boolean) | undefined): void {
  if (pastDeadline) deadlines.set(doc, pastDeadline);
  else deadlines.delete(doc);
}

/** How often, in sentences, the analysis asks the clock: often enough to stop within milliseconds, rarely enough to cost nothing. */
const EVERY = 64;

/** A checkpoint for the analysis of `doc`: call it once per sentence with the sentence's offset. */
export function timeCheckpoint(doc: RcaDocument): (offset: number) => void {
  const pastDeadline = deadlines.get(doc);
  if (!pastDeadline) return () => {};
  let count = 0;
  return (offset) => {
    if (++count % EVERY !== 0 || !pastDeadline()) return;
    // A sentence's span may start with the line break before its words: the line is that of its words.
    let words = offset;
    while (words < doc.text.length && /\s/.test(doc.text[words])) words++;
    const line = doc.lines.positionAt(words).line + 1;
    throw new TimeAnalysisCut(`line ${line.toLocaleString('en-US')} of ${doc.lines.lineCount.toLocaleString('en-US')}`, words);
  };
}
