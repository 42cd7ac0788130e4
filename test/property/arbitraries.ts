// Generators for the property tests and the long fuzz run: RCA-shaped Markdown built from the pieces the rules
// read (titles, section headings, dates, times, zones, instances, placeholders, links, suppression comments),
// mixed with hostile characters, and real fixtures mutated by random edits.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const fixtureFolders = ['rules', 'seeds'].map((folder) => join(__dirname, '..', 'fixtures', folder));

/** Every Markdown fixture: the rule fixtures and the published seeds. */
export const fixtures: readonly string[] = fixtureFolders.flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => readFileSync(join(folder, file), 'utf8')),
);

/** How many cases each property runs: 10,000 in CI; the fuzz script raises it. */
export function runs(fallback = 10_000): number {
  const value = Number(process.env.RCA_PROPERTY_RUNS);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * The seed CI uses: a fixed one, so a run's result depends only on the code (the same 10,000 cases each time).
 * The long fuzz run (scripts/fuzz.mjs) draws a fresh seed each time to explore further.
 */
const CI_SEED = 20260411;

/** fast-check's parameters, with a seed from the environment so a failure seen in the fuzz run can be replayed. */
export function parameters(numRuns = runs()): fc.Parameters<unknown> {
  const seed = Number(process.env.RCA_PROPERTY_SEED);
  return { numRuns, seed: process.env.RCA_PROPERTY_SEED && Number.isInteger(seed) ? seed : CI_SEED };
}

const sections = [
  'Introduction',
  'Event Timeline',
  'Timeline',
  'Root Cause Analysis',
  'Root Cause',
  'Technical Action Items and Preventive Measures',
  'Preventive Measures',
  'Customer Communication',
  'Summary',
  'Impact',
  'Lessons Learned',
  'Ｉｎｔｒｏｄｕｃｔｉｏｎ',
  'مقدمة',
  'Event Timeline 🔥',
];

const dates = [
  'April 11, 2026',
  'April 2, 2025',
  'Apr 11 2026',
  'Saturday, April 11, 2026',
  'Monday, April 11, 2026',
  '11 April 2026',
  '2026-04-11',
  '04/11/2026',
  'February 30, 2026',
  'January 5, 2026',
  'June 14, 2025',
  'December 31, 2025',
  'March 8, 2026',
  'November 1, 2026',
  'April 11',
  'May 6',
  'the 11th',
];
const times = ['10:16', '10:23', '12:14 AM', '2:27 AM', '11:59 PM', '00:00', '23:59', '24:00', '25:61', '7 PM', 'noon', 'midnight', '9:05:30', '10.30'];
const zones = [
  'CST',
  'CDT',
  'PST',
  'PDT',
  'MST',
  'EST',
  'IST',
  'BST',
  'UTC',
  'GMT',
  'Chicago time',
  'Israel time',
  'America/Chicago',
  'Europe/London',
  'Asia/Shanghai',
  'Mars/Olympus',
  'UTC+2',
  'GMT-05:00',
  'XYZT',
];
const instances = ['NA01', 'NA02', 'EU01', 'EU02', 'AP01', 'CN01', 'NA91', 'DC04'];
const products = ['Alma', 'Primo', 'Primo VE', 'Leganto', 'Esploro', 'Rosetta'];
const words = [
  'The',
  'service',
  'was',
  'down',
  'customers',
  'engineers',
  'restored',
  'failover',
  'outage',
  'lasted',
  'about',
  'for',
  'took',
  'between',
  'and',
  'until',
  'from',
  'to',
  'on',
  'at',
  '—',
  '(',
  ')',
  ',',
  '.',
  ':',
  ';',
];
const placeholders = ['TODO', 'TBD', '<cause>', '[date]', 'XXX', '<instance>', '{{date}}', 'FIXME'];
const links = [
  'http://status.exlibrisgroup.com/',
  'https://status.exlibrisgroup.com',
  'status.exlibrisgroup.com/',
  '[status](http://status.exlibrisgroup.com/)',
  '[status][portal]',
  '[portal]: http://status.exlibrisgroup.com/',
  '<https://example.com>',
  'http://',
  'https://exa mple.com',
];
const suppressions = [
  '<!-- rca-writer-disable-line -->',
  '<!-- rca-writer-disable-next-line RCA109 -->',
  '<!-- rca-writer-disable RCA201 -->',
  '<!-- rca-writer-enable -->',
  '<!-- rca-writer-disable-file RCA101 -->',
  '<!-- rca-writer-disable-line RCA999 -->',
  '<!--',
  '-->',
];
/** Characters that have broken text tools before: NUL, lone surrogates, BOM, bidi controls, emoji, combining marks. */
const hostile = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e',
  '\u200f',
  '\u2028',
  '\u2029',
  'é',
  'e\u0301',
  '👩‍👩‍👧',
  '🔥',
  'שלום',
  'مرحبا',
  '\t',
  '\\',
  '`',
  '*',
  '_',
  '|',
  '&amp;',
  '<b>',
  '</div>',
  '\u000b',
  '\f',
];

const pick = (values: readonly string[]) => fc.constantFrom(...values);

const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: pick(words) },
  { weight: 3, arbitrary: pick(dates) },
  { weight: 3, arbitrary: pick(times) },
  { weight: 3, arbitrary: pick(zones) },
  { weight: 2, arbitrary: pick(instances) },
  { weight: 1, arbitrary: pick(products) },
  { weight: 1, arbitrary: pick(placeholders) },
  { weight: 1, arbitrary: pick(links) },
  { weight: 1, arbitrary: pick(suppressions) },
  { weight: 1, arbitrary: pick(hostile) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'binary' }) },
);

const sentence = fc.array(token, { minLength: 1, maxLength: 12 }).map((tokens) => tokens.join(' '));

const title = fc
  .tuple(
    fc.array(pick(instances), { minLength: 0, maxLength: 3 }),
    fc.constantFrom('RCA', 'Root Cause Analysis', 'Postmortem', ''),
    pick(dates),
    fc.constantFrom(' - ', ', ', ' ', ' – '),
  )
  .map(([codes, word, date, separator]) => `# ${[codes.join(', '), word, date].filter(Boolean).join(separator)}`);

const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: sentence },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('## ', '## ', '### ', '# ', '#### '), pick(sections), fc.constantFrom('', ' (continued)', ' 🔥', ':'))
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: title },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '    - ', '- [ ] ', '-'), fc.oneof(sentence, fc.constant('')))
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('> ', '>> ', '> - ', '>'), sentence).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '```',
      '~~~',
      '---',
      '***',
      '| a | b |',
      '|---|---|',
      '<div>',
      '</div>',
      'type: rca',
      '<!-- note -->',
      '[^1]: note',
      '    indented code',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        pick(dates),
        fc.constant(', from '),
        pick(times),
        fc.constant(' until '),
        pick(times),
        fc.constantFrom(' ', ' Chicago time', ' CST', ' (about 2 hours)', ''),
      )
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.constant('') },
);

/** A line break, mostly LF, sometimes CRLF or a lone CR, so documents with mixed endings come up. */
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** Random RCA-shaped Markdown: usually a title, then lines with random line endings, sometimes a BOM or front matter. */
export const markdown: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', '', '\ufeff', '---\ntype: rca\n---\n', '---\n: [\n---\n'),
    fc.oneof(title, fc.constant('')),
    fc.array(fc.tuple(line, eol), { maxLength: 40 }),
    fc.boolean(),
  )
  .map(([start, heading, lines, finalBreak]) => {
    const body = lines.map(([text, end]) => text + end).join('');
    return `${start}${heading}${heading ? '\n\n' : ''}${finalBreak ? body : body.replace(/(\r\n|\r|\n)$/, '')}`;
  });

/** One random edit, given as fractions of the text's length so it applies to any text. */
type Edit = { at: number; length: number; insert: string; kind: 'insert' | 'delete' | 'replace' | 'duplicate' | 'endings' };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 200 }),
  insert: fc.oneof(line, token, sentence),
  kind: fc.constantFrom('insert', 'insert', 'delete', 'replace', 'duplicate', 'endings'),
});

function mutate(text: string, { at, length, insert, kind }: Edit): string {
  const start = Math.floor(at * text.length);
  const end = Math.min(text.length, start + length);
  switch (kind) {
    case 'insert':
      return text.slice(0, start) + insert + text.slice(start);
    case 'delete':
      return text.slice(0, start) + text.slice(end);
    case 'replace':
      return text.slice(0, start) + insert + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(start, end) + text.slice(end);
    case 'endings':
      return text.replace(/\r?\n/g, length % 3 === 0 ? '\r\n' : length % 3 === 1 ? '\r' : '\n');
  }
}

/** A real RCA (a fixture) with 1 to 8 random edits. */
export const mutatedFixture: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: fixtures.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }))
  .map(([index, edits]) => edits.reduce(mutate, fixtures[index]));

/** Either kind of document, half and half. */
export const document: fc.Arbitrary<string> = fc.oneof(markdown, mutatedFixture);

/**
 * Lines that open a block which may never close: raw HTML of CommonMark's types 1 to 5 (they run until an end
 * marker), comments, fences, a type 6 block (it ends at a blank line), and the markers that close them.
 */
const openers = [
  '<pre>',
  '<script>',
  '<style type="text/css">',
  '<textarea>',
  '<?php',
  '<![CDATA[',
  '<!DOCTYPE html',
  '<!--',
  '<!-- note',
  '```',
  '~~~',
  '````js',
  '<div>',
  '<PRE class="x">',
  '</pre>',
  '-->',
  '?>',
  ']]>',
  '>',
  '```',
];

/** Where to put an opener: anywhere, or at the very end, where an open block swallows what a fix appends. */
const place = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1));

/** A document with one to three of those lines put at line starts, before, inside or after the sections. */
export const withOpenBlocks: fc.Arbitrary<string> = fc
  .tuple(document, fc.array(fc.tuple(place, pick(openers), fc.constantFrom('', 'draft notes', 'TODO: finish')), { minLength: 1, maxLength: 3 }))
  .map(([text, openings]) =>
    openings.reduce((current, [at, opener, after]) => {
      let start = Math.floor(at * current.length);
      if (at < 1) while (start > 0 && current[start - 1] !== '\n' && current[start - 1] !== '\r') start--;
      const line = `${opener}\n${after ? `${after}\n` : ''}`;
      const lead = start === current.length && current && !/[\r\n]$/.test(current) ? '\n' : '';
      return current.slice(0, start) + lead + line + current.slice(start);
    }, text),
  );
