import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { checkFolderEntry } from '../../server/src/engine/folder/check-folder';
import { indexEntry } from '../../server/src/engine/folder/entry';
import { fingerprintOf, maskedWords } from '../../server/src/engine/folder/fingerprint';
import { FolderIndex } from '../../server/src/engine/folder/folder-index';
import { timeRules } from '../../server/src/engine/rules';
import { applyEdits } from '../../server/src/engine/text';

interface Report {
  instances: string;
  date: string;
  introDate?: string;
  window?: string;
  cause: string;
  action: string;
  extra?: string;
}

/** A house report; every sentence is the test's own. */
function reportText(r: Report): string {
  return [
    `# ${r.instances} - RCA - ${r.date}`,
    '',
    '## Introduction',
    '',
    `This report is the Root Cause Analysis of the Alma service interruption that customers experienced on ${r.introDate ?? r.date}.`,
    '',
    '## Event Timeline',
    '',
    `Customers served by the ${r.instances} instances experienced an interruption during the following hours, Chicago time:`,
    '',
    `${r.date}, from ${r.window ?? '9:00 AM until 10:00 AM'}.`,
    '',
    '## Root Cause Analysis',
    '',
    r.cause,
    '',
    '## Technical Action Items and Preventive Measures',
    '',
    `- ${r.action}`,
    '',
    '## Customer Communication',
    '',
    'Updates are posted on the status portal at this address: http://status.exlibrisgroup.com/',
    '',
    ...(r.extra ? [r.extra, ''] : []),
  ].join('\n');
}

const CAUSES = [
  'A disk controller in the storage array reported a false fault and the array stopped all writes while it checked its volumes.',
  'The scheduler started two copies of the nightly export, and they locked the same tables until the second copy was stopped by hand.',
  'An expired token of the identity provider made every sign-in fail, because the renewal had been sent to a mailbox nobody reads.',
  'A network switch rebooted after a memory fault, and the standby switch did not take over because its uplink was disabled.',
  'The message queue filled up after a consumer crashed, and the staff interface waited on the queue before it showed each record.',
];
const ACTIONS = [
  'The storage vendor will ship a firmware update that stops the controller from reporting this kind of false fault.',
  'The scheduler now refuses to start a job while another copy of the same job is still running on any server.',
  'Token renewal notices now go to the operations team channel, which is watched around the clock by the on-call engineer.',
  'The uplink of every standby switch is now tested each week, with an alert when the standby could not take over.',
  'The staff interface now reads records without waiting for the message queue, and the consumer restarts itself after a crash.',
];

/** Causes and actions of reports that only fill the folder. */
const OWN_CAUSES = [
  'A certificate of the reporting service expired on a weekend, and the dashboards showed no data until it was replaced on Monday.',
  'The cooling of one data hall failed during a heat wave, and the servers there slowed down to protect themselves from the heat.',
];
const OWN_ACTIONS = [
  'Certificates of internal services are now renewed automatically a month before they expire, with an alert when renewal fails.',
  'A second cooling unit now serves the hall, and a temperature alert pages the facilities team before the servers slow down.',
];

function folder(reports: Record<string, Report>): { index: FolderIndex; texts: Map<string, string>; findings(key: string): string[] } {
  const index = new FolderIndex();
  const texts = new Map<string, string>();
  for (const [key, report] of Object.entries(reports)) set(index, texts, key, reportText(report));
  return {
    index,
    texts,
    findings: (key) => checkFolderEntry(index, key, checkText(texts.get(key)!, {}).settings).map((d) => `${d.range.start.line}:${d.code}`),
  };
}

function set(index: FolderIndex, texts: Map<string, string>, key: string, text: string, settings = {}): void {
  texts.set(key, text);
  const result = checkText(text, settings);
  index.set(indexEntry(result.doc, key, key));
}

const base = (i: number, instances: string, date: string, more: Partial<Report> = {}): Report => ({
  instances,
  date,
  cause: CAUSES[i],
  action: ACTIONS[i],
  ...more,
});

describe('folder index: fingerprints', () => {
  it('dates, times, instance codes and numbers are masked; other words are not', () => {
    const a = 'On April 2, NA01 failed at 10:05 AM after 3 retries of the export job on every server of the data centre.';
    const b = 'On June 18, EU02 failed at 11:40 PM after 7 retries of the export job on every server of the data centre.';
    const c = 'On June 18, EU02 failed at 11:40 PM after 7 retries of the import job on every server of the data centre.';
    const fp = (text: string, ...parts: string[]) =>
      fingerprintOf(
        maskedWords(
          text,
          parts.map((part) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length })),
        ),
      )!.text;
    assert.equal(fp(a, 'April 2', '10:05 AM'), fp(b, 'June 18', '11:40 PM'));
    assert.notEqual(fp(b, 'June 18', '11:40 PM'), fp(c, 'June 18', '11:40 PM'));
  });

  it("a paragraph's word pairs are the signed FNV-1a hashes of each two words with a space between, distinct and sorted", () => {
    const fnv1a = (text: string) => {
      let h = 0x811c9dc5;
      for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
      return h | 0;
    };
    const words = 'the export job failed on every server the export job failed twice überall'.split(' ');
    const pairs = words.slice(1).map((word, i) => fnv1a(`${words[i]} ${word}`));
    assert.deepEqual(
      fingerprintOf(words)!.shingles,
      [...new Set(pairs)].sort((a, b) => a - b),
    );
    assert.ok(pairs.some((pair) => pair < 0) && pairs.some((pair) => pair > 0));
  });

  it('a paragraph under 12 words has no fingerprint', () => {
    assert.equal(fingerprintOf(maskedWords('During the event, the service was inaccessible.', [])), undefined);
  });
});

describe('folder index: cross-report findings', () => {
  it("an introduction date that is another report's incident: RCA401, and its fix writes this report's date", () => {
    const f = folder({
      old: base(0, 'NA01, NA02', 'April 2, 2025'),
      new: base(1, 'NA01, NA02', 'April 11, 2026', { introDate: 'April 2, 2025' }),
      other: base(2, 'EU00', 'June 3, 2025'),
    });
    assert.deepEqual(f.findings('new'), ['4:RCA401']);
    assert.deepEqual(f.findings('old'), []);
    const finding = checkFolderEntry(f.index, 'new', checkText(f.texts.get('new')!, {}).settings)[0];
    assert.match(
      finding.message,
      /^The introduction says April 2, 2025: that is the incident date of 'NA01, NA02 - RCA - April 2, 2025' \(old\); this report's timeline says April 11, 2026\.$/,
    );
    assert.equal(finding.related?.[0].file, 'old');
    const fixed = applyEdits(f.texts.get('new')!, finding.fixes![0].edits);
    assert.match(fixed, /experienced on April 11, 2026\./);
    set(f.index, f.texts, 'new', fixed);
    assert.deepEqual(f.findings('new'), []);
  });

  it("no RCA401 for a date the report agrees with, nor for a slip that is no other report's incident, nor outside the introduction", () => {
    const f = folder({
      a: base(0, 'NA01', 'April 2, 2025'),
      sameDay: base(1, 'EU00', 'April 2, 2025'),
      slip: base(2, 'AP01', 'May 20, 2025', { introDate: 'May 2, 2025' }),
      recalls: base(3, 'NA01', 'July 8, 2025', { cause: `${CAUSES[3]} The same switch had failed on April 2, 2025.` }),
    });
    for (const key of ['a', 'sameDay', 'slip', 'recalls']) assert.deepEqual(f.findings(key), [], key);
  });

  /** The folder's reports, with `intro` naming instances in the introduction of the report `key`. */
  const withIntro = (reports: Record<string, Report>, key: string, intro: string) => {
    const f = folder(reports);
    set(f.index, f.texts, key, f.texts.get(key)!.replace('customers experienced on', `customers served by ${intro} experienced on`));
    return f;
  };

  it("a list of instances in the introduction that is an earlier report's title, naming one this title does not: RCA401", () => {
    const f = withIntro(
      { old: base(0, 'NA01, NA02, NA03', 'April 2, 2025'), new: base(1, 'NA05', 'May 6, 2025'), other: base(2, 'EU00', 'June 3, 2025') },
      'new',
      'the NA01, NA02 and NA03 instances',
    );
    assert.deepEqual(f.findings('new'), ['4:RCA401']);
    assert.deepEqual(f.findings('old'), []);
    const finding = checkFolderEntry(f.index, 'new', checkText(f.texts.get('new')!, {}).settings)[0];
    assert.equal(
      finding.message,
      "The introduction names NA01, NA02 and NA03: that is the instance list of 'NA01, NA02, NA03 - RCA - April 2, 2025' (old); this report's title names NA05.",
    );
    assert.equal(finding.related?.[0].file, 'old');
    assert.equal(finding.fixes, undefined);
  });

  it("no RCA401 for a list of some of the title's instances, a later report's list, one instance, or instances apart", () => {
    const reports = {
      pair: base(0, 'NA01, NA02', 'April 2, 2025'),
      three: base(1, 'NA01, NA02, NA03', 'May 6, 2025'),
      later: base(2, 'EU01, EU02', 'September 9, 2025'),
      single: base(3, 'AP01', 'March 1, 2025'),
      apart: base(4, 'NA04, NA05', 'January 7, 2025'),
    };
    // "NA01 and NA02 recovered first" in a report of NA01, NA02, NA03: its own instances, though another report's title.
    assert.deepEqual(withIntro(reports, 'three', 'NA01 and NA02').findings('three'), []);
    // A list that is the title of a report written after this one cannot have been left over from it.
    assert.deepEqual(withIntro(reports, 'pair', 'EU01 and EU02').findings('pair'), []);
    assert.deepEqual(withIntro(reports, 'three', 'AP01').findings('three'), []);
    assert.deepEqual(withIntro(reports, 'three', 'NA04 while the failover of NA05').findings('three'), []);
  });

  /** The report `key`'s timeline names Primo VE; its introduction still names Alma, as every report's here does. */
  const primoTimeline = (reports: Record<string, Report>, key: string) => {
    const f = folder(reports);
    set(f.index, f.texts, key, f.texts.get(key)!.replace('experienced an interruption during', 'experienced an interruption of Primo VE during'));
    return f;
  };

  it("a product in the introduction that the timeline does not name, an earlier report's of the same instances: RCA401", () => {
    const f = primoTimeline(
      { old: base(0, 'NA01, NA02', 'April 2, 2025'), new: base(1, 'NA02', 'May 6, 2025'), other: base(2, 'EU00', 'April 30, 2025') },
      'new',
    );
    assert.deepEqual(f.findings('new'), ['4:RCA401']);
    const finding = checkFolderEntry(f.index, 'new', checkText(f.texts.get('new')!, {}).settings)[0];
    assert.equal(
      finding.message,
      "The introduction names Alma, which the timeline does not: that is the product of 'NA01, NA02 - RCA - April 2, 2025' (old), a report of the same instances.",
    );
    assert.deepEqual(
      finding.related?.map((r) => r.file),
      ['old'],
    );
  });

  it('no product RCA401 when no earlier report of the same instances names it, nor when the timeline names it too', () => {
    // Only reports of other instances, or later ones, name Alma in their introduction.
    assert.deepEqual(
      primoTimeline({ other: base(0, 'EU00', 'April 2, 2025'), new: base(1, 'NA02', 'May 6, 2025'), later: base(2, 'NA02', 'June 3, 2025') }, 'new').findings(
        'new',
      ),
      [],
    );
    const f = folder({ old: base(0, 'NA01, NA02', 'April 2, 2025'), new: base(1, 'NA02', 'May 6, 2025') });
    set(f.index, f.texts, 'new', f.texts.get('new')!.replace('experienced an interruption during', 'experienced an interruption of Alma and Primo VE during'));
    assert.deepEqual(f.findings('new'), []);
  });

  it('a root cause copied into a later report: RCA402 on the later one only; a near copy too', () => {
    const copied = CAUSES[0].replace('storage array', 'storage array of NA03');
    const near = CAUSES[0].replace('false fault', 'spurious fault');
    const f = folder({
      first: base(0, 'NA01', 'April 2, 2025'),
      copy: base(1, 'EU00', 'May 6, 2025', { cause: copied }),
      nearCopy: base(2, 'AP01', 'June 9, 2025', { cause: near }),
      other: base(3, 'CN01', 'July 1, 2025'),
      fifth: base(4, 'CA01', 'August 5, 2025'),
      // Three of seven reports share the root cause: not most of the folder, so not boilerplate.
      sixth: base(3, 'NA04', 'September 9, 2025', { cause: OWN_CAUSES[0], action: OWN_ACTIONS[0] }),
      seventh: base(4, 'NA05', 'October 14, 2025', { cause: OWN_CAUSES[1], action: OWN_ACTIONS[1] }),
    });
    assert.deepEqual(f.findings('first'), []);
    assert.deepEqual(f.findings('copy'), ['14:RCA402']);
    assert.deepEqual(f.findings('nearCopy'), ['14:RCA402']);
    assert.deepEqual(f.findings('other'), []);
  });

  it("a heading two reports share is the template's, not a copied paragraph; the paragraph under it still counts", () => {
    const question = '### What went wrong in the systems that were involved and why did it happen this time';
    const two = folder({
      a: base(0, 'NA01', 'April 2, 2025', { cause: `${question}\n\n${CAUSES[0]}` }),
      b: base(1, 'EU00', 'May 6, 2025', { cause: `${question}\n\n${CAUSES[1]}` }),
    });
    assert.deepEqual(two.findings('b'), []);
    const copied = folder({
      a: base(0, 'NA01', 'April 2, 2025', { cause: `${question}\n\n${CAUSES[0]}` }),
      b: base(1, 'EU00', 'May 6, 2025', { cause: `${question}\n\n${CAUSES[0]}` }),
    });
    assert.deepEqual(copied.findings('b'), ['16:RCA402']);
  });

  it('text most of the folder shares (more than half, and 3 reports at least) is boilerplate; two of two is not', () => {
    const shared = CAUSES[4];
    const three = folder({
      a: base(0, 'NA01', 'April 2, 2025', { cause: shared }),
      b: base(1, 'EU00', 'May 6, 2025', { cause: shared }),
      c: base(2, 'AP01', 'June 9, 2025', { cause: shared }),
      d: base(3, 'CN01', 'July 1, 2025'),
    });
    for (const key of ['a', 'b', 'c', 'd']) assert.deepEqual(three.findings(key), [], key);
    const two = folder({
      a: base(0, 'NA01', 'April 2, 2025', { cause: shared }),
      b: base(1, 'EU00', 'May 6, 2025', { cause: shared }),
    });
    assert.deepEqual(two.findings('b'), ['14:RCA402']);
    // The boilerplate is the folder's: one more report that does not share it makes it 3 of 6, no longer most.
    const grown = folder({
      a: base(0, 'NA01', 'April 2, 2025', { cause: shared }),
      b: base(1, 'EU00', 'May 6, 2025', { cause: shared }),
      c: base(2, 'AP01', 'June 9, 2025', { cause: shared }),
      d: base(3, 'CN01', 'July 1, 2025'),
      e: base(0, 'CA01', 'August 5, 2025', { cause: CAUSES[2].replace('mailbox', 'folder') + ' It was found late.' }),
      f: base(1, 'NA02', 'September 9, 2025', { cause: CAUSES[1] + ' Nothing was lost.' }),
    });
    assert.deepEqual(grown.findings('c'), ['14:RCA402']);
  });

  it('two reports whose windows overlap on an instance: RCA403 on both; another instance or a later hour: none', () => {
    const f = folder({
      first: base(0, 'NA03', 'November 5, 2025', { window: '2:10 PM until 3:40 PM' }),
      second: base(1, 'NA03', 'November 5, 2025', { window: '2:30 PM until 3:55 PM' }),
      otherInstance: base(2, 'NA04', 'November 5, 2025', { window: '2:30 PM until 3:55 PM' }),
      later: base(3, 'NA03', 'November 5, 2025', { window: '3:55 PM until 4:30 PM' }),
    });
    assert.deepEqual(f.findings('first'), ['10:RCA403']);
    assert.deepEqual(f.findings('second'), ['10:RCA403']);
    assert.deepEqual(f.findings('otherInstance'), []);
    assert.deepEqual(f.findings('later'), []);
  });

  it('an action an earlier report promised for the same instances: RCA404, not RCA402; for other instances RCA402', () => {
    const f = folder({
      promise: base(0, 'EU00', 'March 12, 2025'),
      again: base(1, 'EU00, EU03', 'January 20, 2026', { action: ACTIONS[0] }),
      elsewhere: base(2, 'AP01', 'February 3, 2026', { action: ACTIONS[0] }),
      fourth: base(3, 'CN01', 'July 1, 2025'),
      fifth: base(4, 'CA01', 'August 5, 2025'),
      // Three of seven reports share the action: not most of the folder, so not boilerplate.
      sixth: base(3, 'NA04', 'September 9, 2025', { cause: OWN_CAUSES[0], action: OWN_ACTIONS[0] }),
      seventh: base(4, 'NA05', 'October 14, 2025', { cause: OWN_CAUSES[1], action: OWN_ACTIONS[1] }),
    });
    assert.deepEqual(f.findings('promise'), []);
    assert.deepEqual(f.findings('again'), ['18:RCA404']);
    assert.deepEqual(f.findings('elsewhere'), ['18:RCA402']);
  });

  it("is updated one report at a time: replacing or removing a report changes the others' findings", () => {
    const f = folder({
      first: base(0, 'NA03', 'November 5, 2025', { window: '2:10 PM until 3:40 PM' }),
      second: base(1, 'NA03', 'November 5, 2025', { window: '2:30 PM until 3:55 PM' }),
      third: base(2, 'EU00', 'May 6, 2025'),
    });
    assert.deepEqual(f.findings('first'), ['10:RCA403']);
    set(f.index, f.texts, 'second', reportText(base(1, 'NA03', 'November 5, 2025', { window: '5:00 PM until 5:30 PM' })));
    assert.deepEqual(f.findings('first'), []);
    set(f.index, f.texts, 'second', reportText(base(1, 'NA03', 'November 5, 2025', { window: '2:30 PM until 3:55 PM' })));
    assert.deepEqual(f.findings('first'), ['10:RCA403']);
    f.index.remove('second');
    assert.deepEqual(f.findings('first'), []);
    assert.equal(f.index.size, 2);
    assert.deepEqual(f.index.windowsNear(f.index.get('first')!), []);
    assert.deepEqual(f.index.incidentsOn(20251105, 'first'), []);
  });

  it("an entry reuses the check's time analysis and makes none of its own: with the date and time rules off it holds the title alone", () => {
    const text = reportText(base(0, 'NA01', 'April 2, 2025'));
    const full = indexEntry(checkText(text, {}).doc, 'full', 'full');
    assert.deepEqual(full.incident, { year: 2025, month: 4, day: 2 });
    assert.equal(full.paragraphs.length, 2);
    const rules = Object.fromEntries([...timeRules].map((rule) => [rule.code, 'off' as const]));
    const bare = indexEntry(checkText(text, { rules }).doc, 'bare', 'bare');
    assert.equal(bare.title, 'NA01 - RCA - April 2, 2025');
    assert.equal(bare.incident, undefined);
    assert.deepEqual([bare.paragraphs, bare.windows, bare.instances], [[], [], []]);
  });

  it('severities and suppression comments apply as to any rule', () => {
    const texts = {
      old: reportText(base(0, 'NA01', 'April 2, 2025')),
      new: reportText(base(1, 'NA01', 'April 11, 2026', { introDate: 'April 2, 2025' })),
    };
    const index = new FolderIndex();
    for (const [key, text] of Object.entries(texts)) set(index, new Map(), key, text);
    const settings = checkText(texts.new, {}).settings;
    assert.equal(checkFolderEntry(index, 'new', settings)[0].severity, 'warning');
    assert.equal(checkFolderEntry(index, 'new', { ...settings, rules: { 'copied-from-report': 'error' } })[0].severity, 'error');
    assert.deepEqual(checkFolderEntry(index, 'new', { ...settings, rules: { RCA401: 'off' } }), []);
    set(index, new Map(), 'new', texts.new.replace('April 2, 2025.', 'April 2, 2025. <!-- rca-writer-disable-line RCA401 -->'));
    assert.deepEqual(checkFolderEntry(index, 'new', settings), []);
  });
});
