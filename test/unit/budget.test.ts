// The check's work budget over the parse (engine/budget.ts): a parse past it stops between chunks and the check
// says where. No test is timed: each gives the check a clock that moves one millisecond per reading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cpuClock, cpuClocks, CPU_READING_REUSE_MS, ParseCut, shareCpuWith } from '../../server/src/engine/budget';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidateProfiles, chooseProfile } from '../../server/src/engine/auto-profile';
import { checkText } from '../../server/src/engine/check';
import { resolveSettings } from '../../server/src/engine/settings';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { parseMarkdown } from '../../server/src/engine/parse';

const title = '# NA01 - RCA - April 11, 2026';
/** 200 sections, each its own chunk: the parse reads the clock after each. */
const sections = Array.from({ length: 200 }, (_, i) => `## Part ${i}\n\nTODO at 14:00 PM CST on April 11, 2026.\n`).join('\n');
const text = `${title}\n\n## Introduction\n\nCustomers had no service.\n\n${sections}`;

/** A clock that moves a millisecond each time it is read. */
function ticking(): () => number {
  let now = 0;
  return () => now++;
}

describe('the work budget covers the parse', () => {
  it('a parse past the budget stops between chunks: RCA001 says at which line, and no rule runs on the part read', () => {
    const { diagnostics } = checkText(text, {}, { budgetMs: 50, clock: ticking() });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['RCA001'],
    );
    const match =
      /^RCA Writer stopped checking this document at line (\d+) of (\d+) after 0\.1 s, the time a check may take: reading its Markdown took that long, so no rule was run/.exec(
        diagnostics[0].message,
      );
    assert.ok(match, diagnostics[0].message);
    const [line, lines] = [Number(match[1]), Number(match[2])];
    assert.equal(lines, text.split('\n').length);
    assert.ok(line > 50 && line < lines / 2, `stopped near the 50th chunk, at line ${line}`);
    // The line named is the first one not read: a section heading, where a chunk starts.
    assert.match(text.split('\n')[line - 1], /^## Part \d+$/);
  });

  it('a parse that ends past the budget stops the check before the model is built: RCA001 says the Markdown took that long', () => {
    // The clock's readings up to the model (shouldCheck sees the model), in a check whose budget is never reached.
    let now = 0;
    let readings = -1;
    checkText(text, {}, { budgetMs: Infinity, clock: () => now++, shouldCheck: () => ((readings = now), true) });
    // One reading less: the parse's last reading is within the budget, the one after the parse past it.
    now = 0;
    let modelled = false;
    const { diagnostics, notRun } = checkText(text, {}, { budgetMs: readings - 2, clock: () => now++, shouldCheck: () => (modelled = true) });
    assert.equal(modelled, false, 'no model was built');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['RCA001'],
    );
    assert.match(
      diagnostics[0].message,
      /^RCA Writer stopped checking this document after 0\.\d s, the time a check may take: reading its Markdown took that long, so no rule was run/,
    );
    assert.ok(notRun?.includes('RCA101') && notRun.includes('RCA208'));
    // Within the budget at that reading, the model is built and the rules are skipped after it, between rules.
    now = 0;
    const within = checkText(text, {}, { budgetMs: readings - 1, clock: () => now++, shouldCheck: () => (modelled = true) });
    assert.equal(modelled, true);
    assert.match(
      within.diagnostics.find((d) => d.code === 'RCA001')!.message,
      /^RCA Writer stopped checking this document after 0\.\d s, .*skipped: .*RCA101, /,
    );
  });

  it('under a budget the parse fits in, the same document gets its findings', () => {
    const { diagnostics } = checkText(text, {}, { budgetMs: 100_000, clock: ticking() });
    const codes = new Set(diagnostics.map((d) => d.code));
    assert.ok(!codes.has('RCA001'), diagnostics.find((d) => d.code === 'RCA001')?.message);
    assert.ok(codes.has('RCA109') && codes.has('RCA208'), [...codes].join(', '));
  });

  it("the server's incremental parser stops at the same place, and its next parse equals a full parse", () => {
    const parser = new IncrementalParser();
    const cli = checkText(text, {}, { budgetMs: 50, clock: ticking() });
    const server = checkText(text, {}, { budgetMs: 50, clock: ticking(), parser });
    assert.deepEqual(server.diagnostics, cli.diagnostics);
    // The chunks read before the cut are kept for the next parse; they must still give the full parse's tree.
    assert.deepEqual(parser.parse(text), parseMarkdown(text));
    const edited = text.replace('## Part 3\n', '## Part 3\n\nA new line.\n');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
  });

  it('a parse stopped at its first chunk leaves its parser usable, and one under its deadline is the full parse', () => {
    const parser = new IncrementalParser();
    const steps = parser.parseSteps(text, () => true);
    assert.throws(
      () => {
        for (let step = steps.next(); !step.done; step = steps.next());
      },
      (error: unknown) => error instanceof ParseCut && error.line > 0,
    );
    assert.deepEqual(parser.parse(text), parseMarkdown(text));
    const under = new IncrementalParser().parseSteps(text, () => false);
    let step = under.next();
    while (!step.done) step = under.next();
    assert.deepEqual(step.value, parseMarkdown(text));
  });

  it('a document of one chunk is never cut in its parse (there is no place to stop)', () => {
    const short = `${title}\n\nTODO\n`;
    const { diagnostics } = checkText(short, {}, { budgetMs: 0, clock: ticking() });
    assert.ok(!/reading its Markdown/.test(diagnostics.map((d) => d.message).join('\n')));
  });
});

describe('the work budget covers the choice of a profile', () => {
  // A postmortem in another format: under auto it gets the postmortem profile, after trying each candidate.
  const postmortem = readFileSync(join(__dirname, '..', 'fixtures', 'postmortems', '01-sre-template.md'), 'utf8');
  const settings = resolveSettings({});

  it('past the budget, chooseProfile tries no candidate after the first, and the check runs no rule', () => {
    const root = parseMarkdown(postmortem);
    assert.equal(chooseProfile(postmortem, root, settings).doc.profile.name, 'postmortem');
    let asked = 0;
    const cut = chooseProfile(postmortem, root, settings, undefined, undefined, () => (asked++, true));
    assert.equal(cut.doc.profile.name, candidateProfiles(settings)[0].name);
    assert.equal(asked, 1, 'asked before the second candidate');
    // A budget that runs out while the profile is chosen: the check stops there, every rule skipped, and says so.
    let parsed = false;
    const { diagnostics } = checkText(postmortem, {}, { budgetMs: 1, clock: () => (parsed ? 10 : 0), shouldCheck: () => (parsed = true) });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['RCA001'],
    );
    assert.match(diagnostics[0].message, /stopped checking this document after/);
  });
});

describe('the CPU clock shared by threads that check at once', () => {
  const processMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };

  it('counts this thread a share of the process CPU time while the CLI checks in several threads, and all of it after', () => {
    let cpuMs = 0;
    let wallMs = 0;
    const clock = cpuClocks(
      () => cpuMs,
      () => wallMs,
    ).reusing;
    try {
      cpuMs = 300;
      shareCpuWith(3);
      assert.equal(clock(), 100);
    } finally {
      shareCpuWith(1);
    }
    cpuMs = 330;
    wallMs += CPU_READING_REUSE_MS * 2;
    assert.equal(clock(), 130);
  });

  it("moves with the CPU time on a busy machine, and with the wall clock while other threads (the garbage collector's helpers) add theirs", () => {
    let cpuMs = 1000;
    let wallMs = 0;
    const clock = cpuClocks(
      () => cpuMs,
      () => wallMs,
    ).fresh;
    assert.equal(clock(), 1000);
    cpuMs += 10;
    wallMs += 40;
    assert.equal(clock(), 1010, "a quarter of the wall time was this process's");
    cpuMs += 120;
    wallMs += 40;
    assert.equal(clock(), 1050, 'three threads at once for 40 ms count 40 ms');
    wallMs += 40;
    assert.equal(clock(), 1050, 'an idle moment counts nothing');
  });

  it('reads the CPU time again only once the last reading is a few milliseconds old, and never runs ahead of it', () => {
    let reads = 0;
    let wallMs = 0;
    const { reusing, fresh } = cpuClocks(
      () => ++reads,
      () => wallMs,
    );
    assert.equal(reusing(), 1);
    wallMs += CPU_READING_REUSE_MS / 2;
    assert.equal(reusing(), 1);
    assert.equal(reads, 1);
    wallMs += CPU_READING_REUSE_MS / 2;
    assert.equal(reusing(), 2);
    wallMs += 1;
    assert.equal(fresh(), 3, 'a fresh reading whatever the age of the last');
    assert.equal(reusing(), 3, 'and the reusing clock goes on from it');
    assert.ok(cpuClock() <= processMs(), 'the real clock is a reading of the process CPU time, never ahead of it');
  });
});
