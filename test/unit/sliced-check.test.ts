// The check in slices the language server runs (engine/sliced-check.ts): the same findings as checkText, pauses
// between steps, a stop that runs no further step, a budget that leaves the pauses out, and a parser that stays
// right after a parse abandoned halfway. Clocks are counters here: nothing depends on this machine's speed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSteps, checkText } from '../../server/src/engine/check';
import { IncrementalParser } from '../../server/src/engine/incremental';
import { parseMarkdown } from '../../server/src/engine/parse';
import { checkInSlices, CheckStopped } from '../../server/src/engine/sliced-check';
import { analyzeTimes } from '../../server/src/engine/time/analyze';
import { findMentions } from '../../server/src/engine/time/mentions';

const seeds = join(__dirname, '..', 'fixtures', 'seeds');
const report = readFileSync(join(seeds, 'seed-003.md'), 'utf8');
/** The report's body repeated under its title: long enough for the parser to cut it into many chunks. */
const long = (() => {
  const [title, ...body] = report.split('\n');
  return [title, ...Array.from({ length: 12 }, () => body.join('\n'))].join('\n');
})();

/** A clock that moves `step` ms each time it is read, and by `pauseMs` more during each pause. */
function countingClock(step: number, pauseMs = 0) {
  let now = 0;
  let pauses = 0;
  return {
    clock: () => (now += step),
    pause: async () => {
      pauses++;
      now += pauseMs;
    },
    pauses: () => pauses,
  };
}

describe('a check in slices', () => {
  it('finds what checkText finds, pausing between steps once a slice has run its time', async () => {
    const time = countingClock(20);
    // The budget reads the same clock after each chunk and rule: lifted past what 20 ms a reading adds up to.
    const { result, stats } = await checkInSlices(long, {}, { clock: time.clock, budgetMs: 100_000 }, { pause: time.pause });
    assert.deepEqual(result.diagnostics, checkText(long).diagnostics);
    // Every step reads the clock past the 10 ms slice: one pause after each step but the last.
    assert.ok(stats.steps > 29, `the parse's chunks and each rule are steps (${stats.steps})`);
    assert.equal(time.pauses(), stats.steps);
    assert.equal(stats.slices, time.pauses() + 1);
  });

  it('pays no pause for a check that fits one slice', async () => {
    const time = countingClock(0);
    const { stats } = await checkInSlices(report, {}, { clock: time.clock }, { pause: time.pause });
    assert.equal(time.pauses(), 0);
    assert.equal(stats.slices, 1);
  });

  it('stops at the first pause after it is told to, and runs no further step', async () => {
    const time = countingClock(20);
    let reason: string | undefined;
    let stepsAtStop = 0;
    const pause = async () => {
      await time.pause();
      if (time.pauses() === 3) reason = 'version 2 replaced it';
    };
    const rulesRun: string[] = [];
    await assert.rejects(
      checkInSlices(long, {}, { clock: time.clock, shouldCheck: () => (rulesRun.push('detect'), true) }, { pause, stopReason: () => reason }),
      (error: unknown) => {
        assert.ok(error instanceof CheckStopped);
        assert.equal(error.reason, 'version 2 replaced it');
        stepsAtStop = error.stats.steps;
        return true;
      },
    );
    assert.equal(stepsAtStop, 3, 'three steps ran, one before each pause');
    assert.equal(time.pauses(), 3, 'no pause, and so no step, after the stop');
    assert.deepEqual(rulesRun, [], 'it stopped within the parse: the rules never began');
  });

  it("leaves its pauses out of the check's work budget", async () => {
    // Each pause takes 10 s of the clock; the work itself 1 ms per reading. A budget of 2 s is never reached by
    // the work, though the check spans minutes of the clock.
    const time = countingClock(1, 10_000);
    const { result } = await checkInSlices(long, {}, { clock: time.clock, budgetMs: 2000 }, { pause: time.pause, sliceMs: 0 });
    assert.ok(time.pauses() > 10);
    assert.ok(!result.diagnostics.some((d) => d.code === 'RCA001'), 'not cut for the time it waited');
  });
});

describe('the date and time analysis in steps', () => {
  it('is cut into steps of its own, and what it finds a few blocks at a time is what one pass finds', () => {
    const steps = checkSteps(long);
    const names: string[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) names.push(step.value);
    assert.ok(names.filter((name) => name === 'times').length > 3, `the analysis yields (${names.join(' ')})`);
    const analysis = analyzeTimes(step.value.doc, step.value.settings);
    assert.ok(analysis.blocks.length > 64, 'more blocks than one step reads');
    const once = findMentions(analysis.masked, analysis.blocks, analysis.table);
    assert.deepEqual(analysis.sentences, once.sentences);
    assert.deepEqual(analysis.times, once.times);
    assert.equal(analysis.dates.length, once.dates.length);
  });
});

describe('a parse in steps', () => {
  it('leaves the parser right when abandoned halfway: the next parse is the full parse of its text', () => {
    const parser = new IncrementalParser();
    parser.parse(long);
    // Every copy's root cause section is new, and every other chunk moves down a line: the abandoned parse has
    // parsed some chunks and taken others out of the parser's store and moved them.
    const edited = `${long.replace(/Root Cause/g, 'Root cause')}`.replace('\n', '\nAdded line.\n');
    const steps = parser.parseSteps(edited);
    for (let i = 0; i < 2; i++) assert.equal(steps.next().done, false, 'the parse yields after each chunk it parses');
    steps.return(undefined as never);
    const again = long.replace(/Event Timeline/g, 'Timeline of events');
    assert.deepEqual(parser.parse(again), parseMarkdown(again));
    assert.deepEqual(parser.parse(long), parseMarkdown(long));
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
  });
});
