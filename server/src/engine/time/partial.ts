import type { RcaDocument } from '../model';
import { pushAll } from '../numbers';
import type { TimeAnalysis } from './analyze';
import type { Mentions } from './mentions';
import type { Sentence } from './text';
import type { TimeWindow } from './window';
import { markConversions, windowsIn } from './windows';
import { countedZones } from './zone-context';

/**
 * What the date and time analysis can tell from the lines it read before the check's budget ran out: every date, time
 * and zone phrase of those lines and the ranges each sentence writes, read in their sentence alone. It holds none of
 * the document's own facts (the incident date, the document's zone, the instances, the day a time is on, a numeric
 * date's order when the sentence does not settle it): those need every line, and a finding drawn from part of them
 * would be a false one. The rules that read only what a sentence says run on it (`Rule.partialTimes`).
 */
export type PartialTimeAnalysis = Pick<
  TimeAnalysis,
  'doc' | 'masked' | 'sentences' | 'dates' | 'times' | 'zones' | 'windows' | 'introIndex' | 'timelineIndex'
> & {
  /** The lines read in full: lines 1 to `lines`, of `of`. */
  partial: { lines: number; of: number };
};

/** How many sentences the partial analysis reads between two steps, as the analysis does. */
const PER_STEP = 64;

/**
 * The partial analysis of `mentions`, which hold the sentences read before the analysis stopped at `offset`: only the
 * lines whose every sentence was read count, so a line the cut fell in is left out, with every line of a sentence
 * that runs onto it. Undefined when no line was read.
 */
export function* partialAnalysis(
  doc: RcaDocument,
  masked: string,
  mentions: Mentions,
  offset: number,
  sections: { introIndex: number; timelineIndex: number },
): Generator<'times', PartialTimeAnalysis | undefined, void> {
  const { lines } = doc;
  const lineStartOf = (at: number) => lines.lineStart(lines.positionAt(at).line);
  // A sentence's span may hold the line break before it and the spaces after it: its words are what count.
  const wordsStart = (sentence: Sentence) => sentence.start + sentence.text.length - sentence.text.trimStart().length;
  const wordsEnd = (sentence: Sentence) => sentence.start + sentence.text.trimEnd().length;
  let kept = mentions.sentences.length;
  while (kept > 0 && mentions.sentences[kept - 1].start >= offset) kept--;
  // At the end of the text, every line was read.
  let boundary = offset >= masked.length ? masked.length : lineStartOf(offset);
  while (kept > 0 && wordsEnd(mentions.sentences[kept - 1]) > boundary) boundary = lineStartOf(wordsStart(mentions.sentences[--kept]));
  const lineCount = boundary === masked.length ? lines.lineCount : lines.positionAt(boundary).line;
  if (lineCount === 0 || kept === 0) return undefined;
  const sentences = mentions.sentences.slice(0, kept);
  // The phrases of the sentences kept, which end where the last of them ends.
  const limit = sentences[kept - 1].end;
  const read = <T extends { end: number }>(list: T[]) => list.filter((item) => item.end <= limit);
  const part: Mentions = { ...mentions, sentences, dates: read(mentions.dates), monthYears: read(mentions.monthYears), times: read(mentions.times) };
  const { zones, bySentence } = countedZones(masked, part);
  const windows: TimeWindow[] = [];
  let count = 0;
  for (const sentence of sentences) {
    if (++count % PER_STEP === 0) yield 'times';
    const sTimes = part.timesBySentence.get(sentence);
    if (!sTimes) continue;
    const sDates = part.datesBySentence.get(sentence) ?? [];
    const sentenceWindows = windowsIn(masked, sentence, sTimes, sDates, bySentence.get(sentence) ?? []);
    // As the whole analysis does: a conversion's own date ("= 04:40 UTC (March 12)") is its end's.
    markConversions(masked, sentenceWindows, sDates);
    pushAll(windows, sentenceWindows);
  }
  return { doc, masked, sentences, dates: part.dates, times: part.times, zones, windows, ...sections, partial: { lines: lineCount, of: lines.lineCount } };
}
