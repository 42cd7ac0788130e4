import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../helpers/lsp-client';
import { teamProfile } from '../helpers/team-profile';

const seeds = join(__dirname, '..', 'fixtures', 'seeds');
const seed000 = readFileSync(join(seeds, 'seed-000.md'), 'utf8');

describe('editor aids over the protocol', () => {
  let client: TestClient;
  before(async () => {
    // House reports being written: held to the house profile, as `auto` holds them only once they fit it best.
    client = new TestClient({ configuration: () => ({ profile: 'exlibris' }) });
    const result = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.completionProvider && result.capabilities.hoverProvider && result.capabilities.inlayHintProvider);
  });
  after(() => client.shutdown());

  async function open(name: string, text: string): Promise<string> {
    const uri = `file:///virtual/rcas/${name}`;
    client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    return uri;
  }

  const complete = (uri: string, line: number, character: number) =>
    client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } }) as Promise<CompletionItem[]>;

  it('after "## " offers the missing sections first, in profile order', async () => {
    const text = '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nText on April 11, 2026.\n\n## \n';
    const uri = await open('complete-heading.md', text);
    const items = (await complete(uri, 6, 3)).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    const plain = items.filter((i) => !i.label.includes('(with skeleton)')).map((i) => i.label);
    assert.deepEqual(plain.slice(0, 4), ['Event Timeline', 'Root Cause Analysis', 'Technical Action Items and Preventive Measures', 'Customer Communication']);
    assert.equal(plain[plain.length - 1], 'Introduction', 'sections already present come last');
    const skeleton = items.find((i) => i.label === 'Event Timeline (with skeleton)')!;
    assert.equal(skeleton.insertTextFormat, 2);
    assert.match(
      (skeleton.textEdit as { newText: string }).newText,
      /^Event Timeline\n\nCustomers served by the \$\{1:NA01\} \$\{2\|instance,instances\|\} experienced/,
    );
  });

  it("after a time offers zone phrases, the document's own first", async () => {
    const text = seed000.replace('During the event, the service was inaccessible.', 'Recovered at 2:40 AM ');
    const uri = await open('complete-zone.md', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('Recovered at'));
    const items = (await complete(uri, line, 'Recovered at 2:40 AM '.length)).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(items[0].label, 'Chicago time');
    assert.ok(items.some((i) => i.label === 'UTC'));
  });

  it('offers the instance codes of the document and the incident date', async () => {
    const text = seed000.replace('During the event, the service was inaccessible.', 'Only NA on Apr');
    const uri = await open('complete-words.md', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('Only NA'));
    const codes = (await complete(uri, line, 'Only NA'.length)).map((i) => i.label);
    assert.deepEqual(codes.sort(), ['NA01', 'NA02', 'NA03', 'NA91']);
    const dates = (await complete(uri, line, 'Only NA on Apr'.length)).map((i) => i.label);
    assert.deepEqual(dates, ['April 11, 2026']);
  });

  it('hovers a timeline range with its duration and UTC instants', async () => {
    const uri = await open('hover.md', seed000);
    const line = seed000.split('\n').findIndex((l) => l.startsWith('April 11, 2026, from'));
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 'April 11, 2026, from 12:1'.length },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /2 h 13 min/);
    assert.match(value, /UTC/);
  });

  it('shows an inlay hint on the timeline window', async () => {
    const uri = await open('inlay.md', seed000);
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    })) as InlayHint[];
    assert.ok(
      hints.some((h) => /^2 h 13 min · 05:14–07:27 UTC$/.test(String(h.label))),
      JSON.stringify(hints),
    );
  });

  it('gives nothing to Markdown that is not an RCA', async () => {
    const uri = 'file:///virtual/docs/notes.md';
    client.open(uri, '# Notes\n\n## \n\nAt 10:00 ');
    await client.diagnosticsFor(uri, 1);
    assert.deepEqual(await complete(uri, 2, 3), []);
  });

  it('makes a new report from the profile, and explains a bad date', async () => {
    const made = (await client.connection.sendRequest('rcaWriter/newDocument', { instances: 'NA01, NA02', date: '2026-04-11', zone: 'Chicago time' })) as {
      text: string;
      fileName: string;
    };
    assert.equal(made.fileName, 'na01-na02-2026-04-11.rca.md');
    assert.ok(made.text.startsWith('# NA01, NA02 - RCA - April 11, 2026\n'));
    assert.match(made.text, /during the following hours, Chicago time:/);
    const bad = (await client.connection.sendRequest('rcaWriter/newDocument', { instances: 'NA01', date: 'soon', zone: 'UTC' })) as { error: string };
    assert.match(bad.error, /"soon" is not a date/);
  });

  it('converts a published page, saved as HTML or printed as text, and refuses Markdown with one line', async () => {
    type Converted = { markdown: string; notes: { line: number; message: string }[]; leftOut: number } | { error: string };
    const convert = (text: string) =>
      client.connection.sendRequest('rcaWriter/convertPage', { uri: 'file:///virtual/pages/page.html', text }) as Promise<Converted>;
    const fixtures = join(__dirname, '..', 'fixtures', 'convert');
    const expected = readFileSync(join(fixtures, 'chrome.md'), 'utf8');
    for (const page of ['chrome.html', 'chrome.txt']) {
      const converted = await convert(readFileSync(join(fixtures, page), 'utf8'));
      assert.ok('markdown' in converted, page);
      assert.equal(converted.markdown, expected, page);
      assert.equal(converted.notes.length, 1, page);
      assert.ok(converted.leftOut > 20, `${page}: ${converted.leftOut} lines left out`);
    }
    const refused = await convert(expected);
    assert.ok('error' in refused && /^is Markdown already/.test(refused.error) && !refused.error.includes('\n'), JSON.stringify(refused));
  });

  it('lists the missing sections and inserts one in its place', async () => {
    const text = seed000.replace(/## Root Cause Analysis[\s\S]*?(?=## Technical)/, '');
    const uri = await open('insert.md', text);
    const missing = (await client.connection.sendRequest('rcaWriter/missingSections', { uri })) as { id: string; name: string }[];
    assert.deepEqual(
      missing.map((m) => m.id),
      ['root-cause-analysis', 'affected-products', 'publication-history'],
    );
    const { edit } = (await client.connection.sendRequest('rcaWriter/insertSection', { uri, id: 'root-cause-analysis' })) as {
      edit: { range: never; newText: string };
    };
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), [edit]);
    assert.ok(fixed.indexOf('## Root Cause Analysis') > fixed.indexOf('## Event Timeline'));
    assert.ok(fixed.indexOf('## Root Cause Analysis') < fixed.indexOf('## Technical Action Items'));
  });
});

describe('the profile auto chose, shown to the writer', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  const postmortem = [
    '# Checkout outage postmortem',
    '## What happened',
    'Checkout failed on March 4, 2025 from 14:02 to 14:42 UTC.',
    '## Timeline',
    '- 14:02 UTC: a config push reached every region.',
    '- 14:42 UTC: the rollback finished.',
    '## Contributing factors',
    'The push skipped the canary stage.',
    '## Follow-ups',
    '- Gate pushes on the canary.',
    '',
  ].join('\n\n');

  for (const [name, text, profile] of [
    ['house.md', seed000, 'exlibris'],
    ['postmortem.md', postmortem, 'postmortem'],
  ] as const) {
    it(`${profile}: the title's hover and the status bar's request name it`, async () => {
      const uri = `file:///virtual/rcas/${name}`;
      client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(
        diagnostics.map((d) => d.code).filter((code) => String(code).startsWith('RCA1')),
        [],
        'no template finding',
      );
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } })) as Hover;
      assert.match((hover.contents as { value: string }).value, new RegExp(`Checked with the \\*\\*${profile}\\*\\* profile, chosen by \`auto\``));
      const shown = (await client.connection.sendRequest('rcaWriter/documentStatus', { uri })) as { profile: string; auto: boolean };
      assert.deepEqual([shown.profile, shown.auto], [profile, true]);
    });
  }
});

describe('the profile auto chose stays while the document is open', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ configuration: () => ({ profiles: { team: teamProfile } }) });
    await client.initialize();
  });
  after(() => client.shutdown());

  const report = (summary: string) =>
    [
      '# Search outage',
      `## ${summary}`,
      'On May 2, 2025 search failed.',
      '## Timeline',
      '- 10:00 UTC: search stopped answering.',
      '## Root Causes',
      'A bug.',
      '## Action Items',
      '- Fix it.',
      '',
    ].join('\n\n');
  const status = async (uri: string) => ((await client.connection.sendRequest('rcaWriter/documentStatus', { uri })) as { profile: string }).profile;

  it('keeps it through an edit that makes another profile fit as well, and chooses afresh once reopened', async () => {
    const uri = 'file:///virtual/rcas/sticky.md';
    client.open(uri, report('Overview'));
    await client.diagnosticsFor(uri, 1);
    assert.equal(await status(uri), 'team');
    client.replace(uri, report('Summary'), 2);
    await client.diagnosticsFor(uri, 2);
    assert.equal(await status(uri), 'team', 'a tie does not switch the profile of an open document');
    client.close(uri);
    client.open(uri, report('Summary'), 3);
    await client.diagnosticsFor(uri, 3);
    assert.equal(await status(uri), 'postmortem');
  });

  it('switches when the title claims another profile', async () => {
    const uri = 'file:///virtual/rcas/switch.md';
    client.open(uri, report('Overview'));
    await client.diagnosticsFor(uri, 1);
    assert.equal(await status(uri), 'team');
    // The house title form claims the house profile outright.
    client.replace(uri, report('Overview').replace('# Search outage', '# NA01 - RCA - May 2, 2025'), 2);
    await client.diagnosticsFor(uri, 2);
    assert.equal(await status(uri), 'exlibris');
  });
});
