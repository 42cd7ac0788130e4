// Deterministic benchmark inputs: the same seed always gives the same bytes, so runs compare.

/** mulberry32: a small seeded generator, good enough for picking words. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the service database cluster network failover primary secondary engineers investigated interruption customers ' +
  'instance maintenance routing traffic latency alert monitoring deployment configuration storage replica queue ' +
  'request response timeout restored degraded observed identified mitigated upstream provider certificate load ' +
  'balancer disk memory cpu threshold index search indexing job scheduler backlog retry connection pool'
).split(' ');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function sentence(rnd: () => number, words = 8 + Math.floor(rnd() * 14)): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(pick(rnd, WORDS));
  parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1);
  return `${parts.join(' ')}.`;
}

function paragraph(rnd: () => number, sentences = 2 + Math.floor(rnd() * 4)): string {
  return Array.from({ length: sentences }, () => sentence(rnd)).join(' ');
}

function clock(rnd: () => number): string {
  const hour = 1 + Math.floor(rnd() * 12);
  const minute = String(Math.floor(rnd() * 60)).padStart(2, '0');
  return `${hour}:${minute} ${rnd() < 0.5 ? 'AM' : 'PM'}`;
}

/** A seed-sized RCA (about 2 KB), shaped like the published seeds. Different seeds give different texts. */
export function seedRca(seed: number): string {
  const rnd = random(seed);
  const day = 1 + Math.floor(rnd() * 27);
  const month = pick(rnd, MONTHS);
  const date = `${month} ${day}, 2025`;
  const instances = ['NA01', 'NA02', 'EU00', 'AP01'].slice(0, 1 + Math.floor(rnd() * 4)).join(', ');
  return `# ${instances} - RCA - ${date}

## Introduction

This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on ${date}.

${paragraph(rnd, 2)}

## Event Timeline

Service interruption was experienced by Ex Libris customers served by the ${instances} instances during the following hours, Chicago time:

${date}, from 12:14 AM until 2:27 AM.

During the event, the service was inaccessible.

## Root Cause Analysis

${paragraph(rnd, 6)}

## Technical Action Items and Preventive Measures

Ex Libris has taken the following action and preventive measures to avoid such an occurrence in future:

- ${sentence(rnd)}
- ${sentence(rnd)}

## Customer Communication

ExLibris is committed to providing customers with prompt and ongoing updates during Cloud events. Ongoing and prompt updates on service interruptions appear in the system status portal at this address: http://status.exlibrisgroup.com/

These updates are automatically sent as emails to registered customers.
`;
}

/** One appendix subsection: prose, a list, a table, a log excerpt in a fence and timestamps in the text. */
function appendixSection(rnd: () => number, index: number): string {
  const rows = Array.from({ length: 4 }, (_, i) => `| ${pick(rnd, WORDS)}-${i} | ${Math.floor(rnd() * 1000)} | ${pick(rnd, WORDS)} |`).join('\n');
  const log = Array.from(
    { length: 6 },
    () => `2025-04-02T0${Math.floor(rnd() * 10)}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00Z ${sentence(rnd, 6)}`,
  ).join('\n');
  return `### A.${index} ${pick(rnd, WORDS)} ${pick(rnd, WORDS)} analysis

${paragraph(rnd)}

- At ${clock(rnd)} Chicago time, ${sentence(rnd).toLowerCase()}
- ${sentence(rnd)}
- ${sentence(rnd)}

| component | count | state |
|---|---|---|
${rows}

\`\`\`text
${log}
\`\`\`

${paragraph(rnd)}
`;
}

/**
 * A long RCA: the usual sections with a longer timeline, then an appendix of subsections until the text
 * reaches `size` characters. The text stays at or under `size`; with `exact`, a last paragraph fills it up to
 * exactly `size` characters.
 */
export function largeRca(size: number, seed = 1, exact = false): string {
  const rnd = random(seed);
  const timeline = Array.from({ length: 12 }, () => `- April 2, 2025, ${clock(rnd)}: ${sentence(rnd)}`).join('\n');
  const head = `# NA01, NA02 - RCA - April 2, 2025

## Introduction

This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on April 2, 2025.

${paragraph(rnd)}

## Event Timeline

Service interruption was experienced by Ex Libris customers served by the NA01, NA02 instances during the following hours, Chicago time:

April 2, 2025, from 12:14 AM until 2:27 AM.

${timeline}

## Root Cause Analysis

${paragraph(rnd, 8)}

${paragraph(rnd, 8)}

## Technical Action Items and Preventive Measures

- ${sentence(rnd)}
- ${sentence(rnd)}
- ${sentence(rnd)}

## Customer Communication

Updates on service interruptions appear in the system status portal at this address: http://status.exlibrisgroup.com/

## Appendix

${paragraph(rnd)}

`;
  let text = head;
  for (let index = 1; ; index++) {
    const next = appendixSection(rnd, index);
    if (text.length + next.length + 1 > size) break;
    text += `${next}\n`;
  }
  if (exact && text.length < size) {
    let filler = '\n';
    while (text.length + filler.length < size) filler += `${sentence(rnd)} `;
    text += filler.slice(0, size - text.length);
  }
  return text;
}
