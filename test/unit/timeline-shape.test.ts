// A timeline under a heading of a team's own is recognised by its entries: mostly times of day, three at least.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/engine/model';
import { resolveProfile } from '../../server/src/engine/check';
import { resolveSettings } from '../../server/src/engine/settings';
import { looksLikeTimeline, timelineSection } from '../../server/src/engine/timeline-shape';
import { findTimes } from '../../server/src/engine/time/dates';

const profile = resolveProfile(resolveSettings({ profile: 'postmortem' }));

/** Whether the one section under "## Response" reads as a timeline. */
function timeline(body: string): boolean {
  const text = `# Post-incident review: search delays\n\n## Response\n\n${body}\n`;
  const doc = buildModel(text, profile);
  const section = doc.sections.find((s) => s.headingText === 'Response');
  assert.ok(section, 'the section is there');
  return looksLikeTimeline(section, text);
}

describe('looksLikeTimeline', () => {
  it('reads timed entries of every shape teams write as a timeline', () => {
    assert.equal(timeline('- 09:52 PDT — Support escalated.\n- 10:05 PDT — Lag confirmed.\n- 12:35 PDT — Backlog drained.'), true);
    assert.equal(timeline('* **14:02 UTC** Alert fires.\n* **14:09 UTC** Page acknowledged.\n* **15:47 UTC** Resolved.'), true);
    assert.equal(timeline('| Time | Event |\n| --- | --- |\n| 13:55 | Deploy. |\n| 14:02 | Alert. |\n| 15:20 | Revert. |'), true);
    assert.equal(timeline('### 08:10 GMT\nExpired.\n\n### 08:15 GMT\nPaged.\n\n### 09:40 GMT\nRecovered.'), true);
    assert.equal(timeline('- 2026-07-03 09:15 Lag starts.\n- 2026-07-03T11:40 Consumer restarted.\n- 2026-07-03 12:35:10 Drained.'), true);
    assert.equal(timeline('1. March 14, 2026, 14:02: alert.\n2. March 14, 2026, at 14:31: declared.\n3. March 15, 9 AM: review.'), true);
    assert.equal(timeline('- 14h02 alerte.\n- 14h09 astreinte.\n- 15h47 résolu.\n- Post-mortem scheduled.'), true, 'a quarter untimed');
    assert.equal(timeline('**09:14 ET** — p99 crosses 3 s.\n\n**09:21 ET** — The alert pages.\n\n**10:02 ET** — Latency is back.'), true, 'paragraphs');
    assert.equal(timeline('09:14 p99 crosses 3 s.\n09:21 The alert pages.\n10:02 Latency is back.'), true, 'lines of one paragraph');
    assert.equal(
      timeline('We were paged, and then:\n\n- 09:52 escalated.\n- 10:05 confirmed.\n- 11:40 restarted.\n\nThe fix held.\n\nNo data was lost.'),
      true,
      'prose around the entries',
    );
    assert.equal(
      timeline(
        'At 4:05 PM PST, a rollout began. By 4:12 PM, failures had climbed to 30%. At 4:31 PM we paused it, but failures went on. At 5:20 PM we drained the new nodes.',
      ),
      true,
      'sentences of prose that open with their times',
    );
  });

  it('counts as timed only the times the date and time rules read: a timeline they cannot read is no timeline', () => {
    // The shape's own pattern and the rules' finder are two: an entry form one reads and the other does not made
    // "14h02" timelines timelines whose order no rule checked.
    const entries = ['09:52 PDT', '2026-07-03T11:40', 'March 14, 2026, at 14:31', '9 AM', '9:52 a.m.', '14h02', '09h30', '12:35:10'];
    for (const entry of entries) {
      const body = [1, 2, 3].map((i) => `- ${entry} step ${i}.`).join('\n');
      assert.equal(timeline(body), true, entry);
      assert.ok(findTimes(entry).length > 0, `the rules read a time in "${entry}"`);
    }
    for (const notATime of ['9h30', '2h30', '14h']) {
      const body = [1, 2, 3].map((i) => `- ${notATime} step ${i}.`).join('\n');
      assert.equal(timeline(body), false, notATime);
      assert.equal(findTimes(notATime).length, 0, notATime);
    }
  });

  it('leaves alone prose that mentions times inside its sentences', () => {
    assert.equal(timeline('The rollout began at 4:05 PM. Failures climbed by 4:12 PM. We paused it at 4:31 PM and drained the nodes at 5:20 PM.'), false);
    assert.equal(timeline('At 4:05 PM PST, a rollout began. Failures climbed for an hour. By 5:20 PM the nodes were drained.'), false, 'two timed sentences');
  });

  it('leaves alone lists that only mention times or numbers', () => {
    assert.equal(timeline('- 09:52 PDT — Support escalated.\n- 12:35 PDT — Backlog drained.'), false, 'two entries');
    assert.equal(timeline('- Lower the alert threshold (due 2026-07-20).\n- Add a runbook by 10:00 Friday.\n- Dead-letter poison messages.'), false);
    assert.equal(timeline('- 1.25 million requests failed.\n- 12.5% of checkouts.\n- 3 regions.\n- 10,000 webhooks retried.'), false);
    assert.equal(
      timeline('- 09:52 escalated.\n- 10:05 confirmed.\n- 11:40 restarted.\n- Root cause A.\n- Root cause B.\n- Root cause C.\n- Root cause D.'),
      false,
      'fewer than half timed',
    );
    assert.equal(timeline('The team responded at 09:52, 10:05 and 11:40 PDT, and the backlog drained at 12:35.'), false, 'a paragraph');
    assert.equal(timeline('- v2.14.3 rolled back.\n- v2.14.2 redeployed.\n- v2.14.1 tagged.'), false, 'versions');
  });
});

describe('timelineSection', () => {
  const timed = '- 09:52 UTC — Alert fired.\n- 10:05 UTC — Lag confirmed.\n- 12:35 UTC — Backlog drained.';
  const headings = (doc: ReturnType<typeof buildModel>, index: number) => (index < 0 ? undefined : doc.sections[index].headingText);
  const sectionOf = (text: string) => {
    const doc = buildModel(text, profile);
    return headings(doc, timelineSection(doc));
  };

  it('takes the section with the timeline role first, even when another section looks like one', () => {
    const text = `# Review\n\n## Response\n\n${timed}\n\n## Timeline\n\n- Alerts fired.\n`;
    assert.equal(sectionOf(text), 'Timeline');
  });

  it('takes the first section whose entries are mostly timed when none has the role, whatever its heading says', () => {
    assert.equal(sectionOf(`# Review\n\n## Summary\n\nSearch was slow.\n\n## Response\n\n${timed}\n`), 'Response');
    assert.equal(sectionOf(`# Review\n\n## How we handled it\n\n${timed}\n`), 'How we handled it');
  });

  it('never takes the introduction, which the date rules compare with the timeline', () => {
    assert.equal(sectionOf(`# Review\n\n## Summary\n\n${timed}\n\n## Root causes\n\nA bad deploy.\n`), undefined);
  });

  it('finds none in a report without timed entries', () => {
    assert.equal(sectionOf('# Review\n\n## Summary\n\nSearch was slow at 09:52 and 10:05 UTC.\n'), undefined);
  });
});
