// Documents built from one repeated shape, for scripts/stress.mjs (timing) and test/hostile/stress.test.ts (hang
// detection). Each shape is a report title and an Introduction followed by its unit repeated until the text
// reaches the size asked for. A writer never types most of these; a pasted log, a generated report or a hostile
// file in a repository does, and the language server checks whatever the user opens (issue 17).

const TITLE = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nCustomers on NA01 had no service on April 11, 2026.\n\n';
const ZONES = ['CST', 'IST', 'EST', 'BST', 'UTC', 'PST', 'CET', 'AEST', 'Central', 'Eastern', 'Pacific', 'GMT'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n) => String(n).padStart(2, '0');

/**
 * name: what the document is; unit(i): the i-th repetition; head: text after the title (a table's header, a
 * fence's opening); tail: text that closes it. `slow` marks the shapes issue 17 measured as super-linear.
 */
export const SHAPES = [
  // --- The shapes issue 17 found slow -------------------------------------------------------------------------
  { name: 'setext-dash', unit: (i) => `Line ${i} of text\n---\n` },
  { name: 'setext-equals', unit: (i) => `Line ${i} of text\n===\n` },
  { name: 'setext-blank', unit: (i) => `Heading ${i}\n---\n\n` },
  { name: 'repeated-section', unit: () => '## Root Cause Analysis\n\nThe link went down.\n\n' },
  { name: 'repeated-section-bare', unit: () => '## Event Timeline\n' },
  { name: 'repeated-section-setext', unit: () => 'Root Cause Analysis\n---\n\n' },
  { name: 'gmt-chain-line', unit: (i) => `GMT+${(i % 12) + 1} ` },
  { name: 'gmt-chain-paragraph', unit: (i) => `GMT+${(i % 12) + 1}${i % 20 === 19 ? '\n' : ' '}` },
  { name: 'utc-offset-chain', unit: (i) => `UTC${i % 2 ? '-' : '+'}${pad(i % 12)}:${i % 4 ? '00' : '30'} ` },
  { name: 'zone-words-one-paragraph', unit: (i) => `${ZONES[i % ZONES.length]} time ${i % 7 === 6 ? '\n' : ''}` },
  { name: 'zone-words-one-line', unit: (i) => `${ZONES[i % ZONES.length]} ` },
  { name: 'pipes-paragraph', unit: (i) => `a | b | c ${i % 10 === 9 ? '\n' : ''}` },
  { name: 'pipes-line', unit: () => '| ' },
  { name: 'pipes-only-lines', unit: () => '|||||||||||||||||||\n' },
  { name: 'placeholders', unit: (i) => `TODO fill in <date> and XX:XX for ${i}.\n\n` },
  { name: 'placeholders-one-line', unit: () => 'TBD ?? ' },
  { name: 'suppression-comments', unit: (i) => `<!-- rca-writer-disable-next-line -->\nAt 14:00 PM item ${i} TODO.\n\n` },
  { name: 'suppression-disable-enable', unit: () => '<!-- rca-writer-disable RCA109 -->\nTODO\n<!-- rca-writer-enable RCA109 -->\n\n' },
  { name: 'empty-list-items', unit: () => '- \n' },
  { name: 'empty-list-items-ordered', unit: (i) => `${(i % 999) + 1}.\n` },
  { name: 'punctuation-paragraphs', unit: () => '—\n\n' },
  { name: 'punctuation-dots', unit: () => '...\n\n' },
  { name: '14pm-errors', unit: (i) => `From 14:${pad(i % 60)} PM until 15:00 PM CST.\n\n` },
  { name: '14pm-one-line', unit: () => '14:00 PM ' },
  { name: 'table-rows', head: '| Time | Event |\n| --- | --- |\n', unit: (i) => `| ${pad(i % 24)}:${pad(i % 60)} | step ${i} |\n` },
  {
    name: 'table-rows-dates',
    head: '| Date | Time | Event |\n| --- | --- | --- |\n',
    unit: (i) => `| April ${(i % 28) + 1}, 2026 | ${pad(i % 24)}:00 CST | x |\n`,
  },
  { name: 'table-wide', head: '| a | b |\n| --- | --- |\n', unit: () => '| x ' },
  { name: 'dates-one-line', unit: (i) => `${MONTHS[i % 12]} ${(i % 28) + 1}, 2026 ` },
  { name: 'dates-one-paragraph', unit: (i) => `${MONTHS[i % 12]} ${(i % 28) + 1}, 2026${i % 8 === 7 ? '\n' : ', '}` },
  { name: 'zone-pairs-one-sentence', unit: (i) => `${pad(i % 24)}:00 CST (${pad((i + 6) % 24)}:00 UTC), ` },
  { name: 'zone-pairs-one-line', unit: (i) => `${pad(i % 24)}:00 CST / ${pad((i + 11) % 24)}:30 IST; ` },
  { name: 'times-one-line', unit: (i) => `${pad(i % 24)}:${pad(i % 60)} ` },
  { name: 'times-ranges-one-line', unit: (i) => `${pad(i % 24)}:00-${pad((i + 1) % 24)}:00 ` },
  { name: 'from-until-chain', unit: (i) => `from ${pad(i % 24)}:00 until ` },
  // --- Shapes issue 17 found fast, and more -------------------------------------------------------------------
  // One paragraph of web addresses: engine/plain-blocks.ts builds their links itself (it once counted lines from the
  // paragraph's start for each: 89 s at 1 MB).
  { name: 'addresses-paragraph', unit: (i) => `see http://a${i}.example.com/x${i % 10 === 9 ? '\n' : ' '}` },
  { name: 'digits', unit: () => '1234567890 ' },
  { name: 'colons', unit: () => ':::: ' },
  { name: 'am', unit: () => 'AM ' },
  { name: 'from', unit: () => 'from ' },
  { name: 'link-definitions', unit: (i) => `[ref${i}]: https://example.com/${i}\n` },
  { name: 'long-headings', unit: (i) => `## ${'word '.repeat(200)}${i}\n\n` },
  { name: 'html-comments', unit: (i) => `<!-- comment ${i} -->\n\n` },
  { name: 'distinct-sections', unit: (i) => `## Section ${i}\n\nText.\n\n` },
  { name: 'nonstandard-headings', unit: (i) => `## Rot Cause Analyss ${i}\n\nText.\n\n` },
  { name: 'deep-headings', unit: (i) => `###### h${i}\n` },
  { name: 'repeated-title', unit: () => '# NA01 - RCA - April 11, 2026\n\n' },
  { name: 'timeline-entries', unit: (i) => `- April 11, 2026 ${pad(i % 12 || 12)}:${pad(i % 60)} AM CST: step ${i}\n` },
  { name: 'time-sentences', unit: (i) => `At ${pad(i % 24)}:${pad(i % 60)} CST the service stopped.\n\n` },
  { name: 'date-time-lines', unit: (i) => `April ${(i % 28) + 1}, 2026, from 10:00 until 11:00 CST.\n` },
  { name: 'weekday-dates', unit: (i) => `Monday, April ${(i % 28) + 1}, 2026. ` },
  { name: 'durations', unit: (i) => `for ${i % 90} minutes from 10:00 to 10:15 CST. ` },
  { name: 'pst-in-june', unit: (i) => `June ${(i % 28) + 1}, 2026 at 10:00 PST.\n\n` },
  { name: 'midnight-chain', unit: () => '23:59 00:00 ' },
  { name: 'iso-timestamps-line', unit: (i) => `2026-04-11T${pad(i % 24)}:${pad(i % 60)}:00Z ` },
  { name: 'numeric-dates', unit: (i) => `2026-04-${pad((i % 28) + 1)} 11/04/2026 Apr ${(i % 28) + 1} ` },
  { name: 'instances-one-line', unit: (i) => `NA0${(i % 9) + 1} ` },
  { name: 'instances-list', unit: (i) => `EU0${(i % 9) + 1}, ` },
  { name: 'am-pm-one-line', unit: (i) => `${(i % 12) + 1} AM ${(i % 12) + 1} PM ` },
  { name: 'links-paragraphs', unit: (i) => `See [the page](https://example.com/${i}).\n\n` },
  { name: 'bare-urls', unit: (i) => `https://status.example.com/${i} ` },
  { name: 'emphasis-paragraphs', unit: () => '**bold** and _it_ text.\n\n' },
  { name: 'blockquote-lines', unit: (i) => `> quoted line ${i}\n` },
  { name: 'nested-lists', unit: () => '- a\n  - b\n    - c\n' },
  { name: 'ordered-list', unit: (i) => `${i + 1}. item\n` },
  { name: 'task-list', unit: (i) => `- [ ] task ${i}\n` },
  { name: 'fenced-blocks', unit: (i) => '```\ncode ' + i + '\n```\n\n' },
  { name: 'one-long-fence', head: '```text\n', unit: (i) => `2026-04-11T10:${pad(i % 60)}:00Z request served\n`, tail: '```\n' },
  { name: 'indented-code', unit: (i) => `    code ${i}\n` },
  { name: 'html-blocks', unit: (i) => `<div>block ${i}</div>\n\n` },
  { name: 'thematic-breaks', unit: () => '***\n\n' },
  { name: 'footnotes', unit: (i) => `Text[^${i}].\n\n[^${i}]: note ${i}\n\n` },
  { name: 'entities', unit: () => '&amp; &#169; ' },
  { name: 'emoji-line', unit: () => '😀 ' },
  { name: 'crlf-paragraphs', unit: (i) => `Text line ${i}.\r\n\r\n` },
  { name: 'one-long-word', unit: () => 'aaaaaaaaaa' },
  { name: 'blank-lines', unit: () => '   \n' },
  { name: 'question-marks', unit: () => '?' },
  { name: 'backslashes', unit: () => '\\' },
  { name: 'hash-lines', unit: () => '#\n' },
  { name: 'list-items-text', unit: (i) => `- item ${i} happened\n` },
];

/** The document of `shape` with about `size` characters (never less). */
export function generate(shape, size) {
  const head = TITLE + (shape.head ?? '');
  const tail = shape.tail ?? '';
  const parts = [head];
  let length = head.length + tail.length;
  for (let i = 0; length < size; i++) {
    const unit = shape.unit(i);
    parts.push(unit);
    length += unit.length;
  }
  parts.push(tail);
  return parts.join('');
}
