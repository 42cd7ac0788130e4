// A report that tells its incident in time in prose (a window, or three timed moments) has the postmortem's timeline;
// one with no time of day, or only two apart, has not. One that names the cause, or commits to changes, in a sentence
// has those parts. The house profile still asks for its sections.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, resolveProfile } from '../../server/src/engine/check';
import { buildModel } from '../../server/src/engine/model';
import { resolveSettings } from '../../server/src/engine/settings';
import { toldInProse } from '../../server/src/engine/prose-account';

const profile = resolveProfile(resolveSettings({ profile: 'postmortem' }));

/** A postmortem with its cause and actions but no timeline section, and `account` as its summary. */
function report(account: string): string {
  return `# Incident report: checkout errors\n\n## Summary\n\n${account}\n\n## Root cause\n\nA connection pool was too small.\n\n## Action items\n\n- Size the pool by load.\n`;
}

function told(account: string): boolean {
  return toldInProse(buildModel(report(account), profile), 'timeline');
}

function timelineMissing(text: string, settings: Record<string, unknown>): boolean {
  return checkText(text, settings).diagnostics.some((d) => d.code === 'RCA101' && d.message.includes('Timeline'));
}

describe('toldInProse: the timeline', () => {
  it('reads a window in one sentence, in the forms cloud providers write it', () => {
    assert.equal(told('On March 16 from 14:02 to 16:40 US/Pacific, instance creation failed.'), true);
    assert.equal(told('Incident began at 2021-03-16 14:02 and ended at 2021-03-16 16:40 (all times are US/Pacific).'), true);
    assert.equal(told('On January 9 between 12:20 and 14:40 UTC, requests timed out.'), true);
    assert.equal(told('The event started at 9:37 AM PDT and ended at 2:05 PM PDT.'), true);
  });

  it('reads a window given by a start line and an end line', () => {
    assert.equal(told('**Start time:** Tuesday, January 23, 2024, at 2:39 PM UTC\n\n**End time:** Tuesday, January 23, 2024, at 6:10 PM UTC'), true);
    assert.equal(told('**Incident Start:** 12 March 2024 08:15\n\n**Incident End:** 12 March 2024 10:20'), true);
    assert.equal(told('**Start time:** Tuesday, January 23, 2024, at 2:39 PM UTC'), false, 'the start alone');
  });

  it('reads three timed moments told in prose, in any sentences and sections', () => {
    assert.equal(told('At 09:37 UTC jobs started late. A fix rolled out by 10:08 UTC.\n\nWe statused green at 10:28 UTC.'), true);
  });

  it('does not read a report with no time of day, or with two moments told apart', () => {
    assert.equal(told('Checkout failed for part of the afternoon on May 2, 2025, until the pool was resized.'), false);
    assert.equal(told('At 09:20 PDT the on-call engineer was paged.\n\nAt 09:50 PDT the pool was resized.'), false);
    assert.equal(told('At 09:20 PDT we were paged. The pool was resized at 09:20 PDT as well.'), false, 'one moment twice');
  });

  it('does not read times in code, in a collapsed log or in the title', () => {
    assert.equal(told('The log:\n\n```\n14:02 error\n14:03 error\n14:04 error\n```'), false);
    assert.equal(told('<details>\n\nAt 14:02 it failed. At 14:03 again. At 14:04 again.\n\n</details>'), false);
    const titled = '# Outage 14:02 to 16:40: checkout errors\n\n## Root cause\n\nA small pool.\n\n## Action items\n\n- Resize it.\n';
    assert.equal(toldInProse(buildModel(titled, profile), 'timeline'), false);
  });
});

describe('RCA101 and a timeline told in prose', () => {
  const gcp = report('On March 16 from 14:02 to 16:40 US/Pacific, instance creation failed. Engineers were alerted at 14:09.');

  it('is not reported under the postmortem profile', () => {
    assert.equal(timelineMissing(gcp, { profile: 'postmortem' }), false);
    assert.equal(timelineMissing(gcp, {}), false, 'under auto');
  });

  it('is still reported when the report gives no time of day', () => {
    assert.equal(timelineMissing(report('Checkout failed for part of the afternoon on May 2, 2025.'), { profile: 'postmortem' }), true);
  });

  it('does not replace the house profile’s Event Timeline section', () => {
    const house =
      '# NA01 - RCA - March 16, 2026\n\n## Introduction\n\nOn March 16, 2026 from 14:02 to 16:40 Chicago time, Alma was slow. We were alerted at 14:09.\n\n## Root Cause Analysis\n\nA small pool.\n\n## Technical Action Items and Preventive Measures\n\n- Resize it.\n\n## Customer Communication\n\nUpdates at this address: http://status.exlibrisgroup.com/\n';
    assert.equal(
      checkText(house, { profile: 'exlibris' }).diagnostics.some((d) => d.code === 'RCA101' && d.message.includes('Event Timeline')),
      true,
    );
  });
});

/** Whether a report with only a summary, `account`, tells its cause and its actions in prose. */
function causeAndActions(account: string): [boolean, boolean] {
  const doc = buildModel(`# Availability report: June\n\n### June 4 14:05 UTC\n\n${account}\n`, profile);
  return [toldInProse(doc, 'root-cause'), toldInProse(doc, 'actions')];
}

describe('toldInProse: the cause and the actions', () => {
  it('reads the sentences monthly availability reports and post-event summaries write', () => {
    assert.deepEqual(causeAndActions('The cause of these delays was excessive load on a proxy. We are adding alerts on its load.'), [true, true]);
    assert.deepEqual(causeAndActions('This was caused by an upgrade of hosts. We have increased the connection limit.'), [true, true]);
    assert.deepEqual(causeAndActions('The root cause of this issue was a race condition. We’ve disabled the automation worldwide.'), [true, true]);
    assert.deepEqual(causeAndActions('It was a small pool. Here is what we are doing to stop it happening again.'), [false, true]);
    // A blog postmortem tells why things failed without naming a cause.
    assert.deepEqual(causeAndActions('New instances were slow to start because they all fetched one bundle. We now keep more instances running.'), [
      true,
      false,
    ]);
    assert.deepEqual(causeAndActions('Requests failed due to an expired certificate. We have automated its renewal.'), [true, true]);
    assert.deepEqual(causeAndActions('The errors stemmed from a change to the proxy. We are reviewing proxy changes.'), [true, true]);
    assert.deepEqual(causeAndActions('A permissions change caused the database to return duplicate rows. We are adding a size limit.'), [true, true]);
    assert.deepEqual(causeAndActions('The outage was not caused by an attack. We are sorry.'), [false, false]);
    assert.deepEqual(
      causeAndActions('The issue was traced back to a query. To help reduce the impact of similar incidents in the future, we tuned our monitors.'),
      [true, true],
    );
  });

  it('does not read a report that names no cause and commits to nothing', () => {
    assert.deepEqual(causeAndActions('Someone ran the cleanup job against staging. Staging was rebuilt by the afternoon. We’ll talk about it at the retro.'), [
      false,
      false,
    ]);
    assert.deepEqual(causeAndActions('Errors rose and we rolled back the deploy. We are sorry for the trouble.'), [false, false]);
    assert.deepEqual(causeAndActions('We are still investigating the root cause. The cause has not yet been determined.'), [false, false]);
  });

  it('reads a part under a heading of its own that the profile does not list', () => {
    const report = (heading: string, body: string) =>
      `# Postmortem of database outage of January 31\n\nThe production database was lost for six hours.\n\n## ${heading}\n\n${body}\n`;
    const actions = buildModel(report('Improving Recovery Procedures', '- Test the backups regularly.\n- Show the host name in every prompt.'), profile);
    assert.equal(toldInProse(actions, 'actions'), true);
    const cause = buildModel(report('What caused the outage', 'The data directory was removed on the wrong host.'), profile);
    assert.equal(toldInProse(cause, 'root-cause'), true);
    const timeline = buildModel(report('Troubleshooting chronology', '- Replication stopped.\n- The directory was removed.'), profile);
    assert.equal(toldInProse(timeline, 'timeline'), true);
    // A heading that names none of them tells none.
    const other = buildModel(report('Problems encountered', '- Test the backups regularly.'), profile);
    assert.deepEqual([toldInProse(other, 'actions'), toldInProse(other, 'root-cause'), toldInProse(other, 'timeline')], [false, false, false]);
    const checked = checkText(report('Improving Recovery Procedures', '- Test the backups regularly.'), { profile: 'postmortem' }).diagnostics;
    assert.deepEqual(
      checked.filter((d) => d.code === 'RCA101').map((d) => d.message.replace(/\..*/, '')),
      ['Missing required section "Root Causes"', 'Missing required section "Timeline"'],
    );
  });

  it('leaves RCA101 to ask for the sections under the house profile', () => {
    const text =
      '# NA01 - RCA - March 16, 2026\n\n## Introduction\n\nAlma was slow on March 16, 2026. This was caused by a small pool. We are adding capacity.\n\n## Event Timeline\n\nNA01, Chicago time: March 16, 2026, from 2:02 PM until 4:40 PM.\n\n## Customer Communication\n\nUpdates at this address: http://status.exlibrisgroup.com/\n';
    const missing = checkText(text, { profile: 'exlibris' })
      .diagnostics.filter((d) => d.code === 'RCA101')
      .map((d) => d.message.replace(/\..*/, ''));
    assert.deepEqual(missing, ['Missing required section "Root Cause Analysis"', 'Missing required section "Technical Action Items and Preventive Measures"']);
  });
});

/** A notice of what happened, with `title`, its headings after "What happened" and `account` under that heading. */
function notice(title: string, account: string, headings = ['What information was involved', 'What we are doing', 'What you can do']): string {
  const rest = headings.map((heading) => `## ${heading}\n\nWe are rotating every key.\n`).join('\n');
  return `# ${title}\n\n## Summary\n\nSome customers' files were downloaded.\n\n## What happened?\n\n${account}\n\n${rest}`;
}

function causeAndTimeline(text: string): [boolean, boolean] {
  const doc = buildModel(text, profile);
  return [toldInProse(doc, 'root-cause'), toldInProse(doc, 'timeline')];
}

describe('toldInProse: a security notice', () => {
  const account = 'On February 9, 2026, a token copied from a support ticket was used to download build logs.';

  it('tells its cause in what happened, and its timeline by the days that account gives', () => {
    assert.deepEqual(causeAndTimeline(notice('Security advisory: build logs downloaded', account)), [true, true]);
    assert.deepEqual(causeAndTimeline(notice('Notice of data breach', account)), [true, true]);
    // The shape alone: a section on the information reached.
    assert.deepEqual(causeAndTimeline(notice('Important information about your account', account)), [true, true]);
    // Without a day, the account is no timeline.
    assert.deepEqual(causeAndTimeline(notice('Security advisory', 'Last week a copied token was used to download build logs.')), [true, false]);
  });

  it('is not an outage report that names a security update, nor a notice that says nothing of what happened', () => {
    const outage = ['Timeline', 'What we are doing'];
    assert.deepEqual(causeAndTimeline(notice('Postmortem: security update rollout broke sign-in', account, outage)), [false, false]);
    assert.deepEqual(causeAndTimeline(notice('Postmortem: sign-in failures', account, outage)), [false, false]);
    assert.deepEqual(causeAndTimeline(notice('Security advisory', '')), [false, false]);
    // With a section that speaks to the people reached, "security update" names a notice.
    assert.deepEqual(causeAndTimeline(notice('Security update', account, ['What we are doing', 'What you should do'])), [true, true]);
  });
});
