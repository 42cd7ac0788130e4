import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECT_HEAD_CHARS, hasReportSections, isRcaDocument, pathIncluded } from '../../server/src/engine/detect';
import { parseDocument } from '../../server/src/engine/incremental';
import { matchHeading, normaliseHeading } from '../../server/src/engine/headings';
import { buildModel } from '../../server/src/engine/model';
import { findProfile } from '../../server/src/engine/profiles';
import { resolveSettings, DEFAULT_INCLUDE } from '../../server/src/engine/settings';
import { diagnosticOf } from '../../server/src/engine/rules/rule';
import { checkText, reportMarks } from '../../server/src/engine/check';
import { renderDocument } from '../../server/src/authoring/skeleton';
import { renderTemplate } from '../../server/src/engine/template';
import { applyEdits, LineIndex, minimalEdit } from '../../server/src/engine/text';
import { parseTitle } from '../../server/src/engine/title';

const profile = findProfile('exlibris')!;

describe('heading matching', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['Event Timeline', 'event-timeline', 'exact'],
    ['event timeline:', 'event-timeline', 'tolerated'],
    ['  Event   Timeline.', 'event-timeline', 'tolerated'],
    ['2. Event Timeline', 'event-timeline', 'tolerated'],
    ['Technical Action Items & Preventive Measures', 'technical-action-items', 'tolerated'],
    ['Effected Products', 'affected-products', 'alias'],
    ['Root Cause', 'root-cause-analysis', 'alias'],
    ['Root Cuase Analysis', 'root-cause-analysis', 'misspelling'],
    ['Custmer Communication', 'customer-communication', 'misspelling'],
    ['Appendix', undefined, undefined],
    ['Lessons learned', undefined, undefined],
  ];
  for (const [text, id, kind] of cases) {
    it(`"${text}" → ${id ?? 'no section'}`, () => {
      const match = matchHeading(text, profile);
      assert.equal(match?.def.id, id);
      assert.equal(match?.kind, kind);
    });
  }
  it('takes hyphens for spaces and a plural for the singular: in an open profile a name, in the house one a slip to rename', () => {
    const postmortem = findProfile('postmortem')!;
    assert.deepEqual(
      ['Follow-up', 'Follow ups', 'Action Item', 'Timelines'].map((text) => [matchHeading(text, postmortem)?.def.id, matchHeading(text, postmortem)?.kind]),
      [
        ['action-items', 'alias'],
        ['action-items', 'alias'],
        ['action-items', 'tolerated'],
        ['timeline', 'tolerated'],
      ],
    );
    assert.equal(matchHeading('Event Timelines', profile)?.kind, 'misspelling');
  });
  it('takes a plural for the singular in any word, not only the last', () => {
    const postmortem = findProfile('postmortem')!;
    const root = matchHeading('Root causes and contributing factors', postmortem);
    assert.deepEqual([root?.def.id, root?.kind], ['root-causes', 'alias']);
    const actions = matchHeading('Corrective and preventive action', postmortem);
    assert.deepEqual([actions?.def.id, actions?.kind], ['action-items', 'alias']);
    assert.equal(matchHeading('Root Causes Analysis', profile)?.kind, 'misspelling', 'the house names its sections exactly');
  });
  it('normalises case, spacing, numbering and trailing punctuation', () => {
    assert.equal(normaliseHeading(' 1) Root  Cause Analysis: '), 'root cause analysis');
  });
});

describe('the RCA model', () => {
  it('reads title, sections with ranges, list items and links', () => {
    const text =
      '# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nText.\n\n### Event Timeline\n\n- one\n- two\n\n## Customer Communication\n\nSee http://status.exlibrisgroup.com/\n';
    const doc = buildModel(text, profile);
    assert.equal(doc.title?.text, 'NA01 - RCA - April 11, 2026');
    assert.deepEqual(
      doc.sections.map((s) => [s.def?.id, s.level]),
      [
        ['introduction', 2],
        ['event-timeline', 3],
        ['customer-communication', 2],
      ],
    );
    assert.equal(doc.sections[0].headingRange?.start.line, 2);
    assert.equal(doc.sections[1].bodyRange.end.line, 11);
    assert.deepEqual(
      doc.listItems.map((i) => i.text),
      ['one', 'two'],
    );
    assert.equal(doc.links[0].url, 'http://status.exlibrisgroup.com/');
    assert.equal(doc.links[0].section, 2);
  });

  it('treats the text between the title and the first heading as an implicit introduction, skipping the disclaimer line', () => {
    const doc = buildModel(
      '# X - RCA - May 1, 2020\n\nConfidential Information, Disclaimer and Trade Marks\n\nThis document serves.\n\n## Event Timeline\n\nT.\n',
      profile,
    );
    assert.equal(doc.sections[0].match, 'implicit');
    assert.equal(doc.sections[0].body.length, 1);
    const none = buildModel('# X - RCA - May 1, 2020\n\nConfidential Information, Disclaimer and Trade Marks\n\n## Event Timeline\n\nT.\n', profile);
    assert.equal(none.sections[0].def?.id, 'event-timeline');
  });

  it('keeps subheadings inside their section', () => {
    const doc = buildModel('# T - RCA - May 1, 2020\n\n## Root Cause Analysis\n\n### Details\n\nText.\n\n## Customer Communication\n\nx\n', profile);
    assert.deepEqual(
      doc.sections.map((s) => s.headingText),
      ['Root Cause Analysis', 'Customer Communication'],
    );
    assert.equal(doc.sections[0].body.length, 2);
    // A heading of level 4 to 6 that names a section is a subheading too, and no heading's level makes it the title.
    const deep = buildModel('#### T - RCA - May 1, 2020\n\n## Introduction\n\nx\n\n#### Root Cause Analysis\n\n###### Customer Communication\n', profile);
    assert.equal(deep.title, undefined);
    assert.deepEqual(
      deep.sections.map((s) => [s.headingText, s.body.length]),
      [['Introduction', 3]],
    );
  });

  it('reads front matter, and reports front matter that is not YAML', () => {
    assert.deepEqual(buildModel('---\ntype: rca\n---\n# T\n', profile).frontMatter, { type: 'rca' });
    assert.ok(buildModel('---\ntype: [rca\n---\n# T\n', profile).frontMatterError);
  });
});

describe('which files are RCAs', () => {
  it('matches the default include globs', () => {
    assert.ok(pathIncluded('/work/docs/outage.rca.md', DEFAULT_INCLUDE));
    assert.ok(pathIncluded('/work/rca/2026/april.md', DEFAULT_INCLUDE));
    assert.ok(pathIncluded('/work/rcas/april.md', DEFAULT_INCLUDE));
    assert.ok(!pathIncluded('/work/README.md', DEFAULT_INCLUDE));
    assert.ok(!pathIncluded('/work/rcaz/april.md', DEFAULT_INCLUDE));
  });
  it('matches workspace-relative globs', () => {
    assert.ok(pathIncluded('/work/incidents/2026/a.md', ['incidents/**/*.md'], ['/work']));
    assert.ok(!pathIncluded('/other/incidents/a.md', ['incidents/**/*.md'], ['/work']));
  });
  it('reads front matter type and the H1', () => {
    const include: string[] = [];
    assert.ok(isRcaDocument({ text: '---\ntype: rca\n---\n# Notes\n', include }));
    assert.ok(isRcaDocument({ text: '# NA01 - RCA - April 11, 2026\n', include }));
    assert.ok(isRcaDocument({ text: '# Root cause analysis of the outage\n', include }));
    assert.ok(!isRcaDocument({ text: '# RCAs we wrote\n', include }), 'RCA must stand as a word');
    assert.ok(!isRcaDocument({ text: '# Project\n\nAn RCA tool.\n', include }));
    assert.ok(!isRcaDocument({ text: '---\ntype: [\n---\n# Notes\n', include }));
  });
  it("a folder's landing page is a report by its content only, not by the include globs", () => {
    const include = DEFAULT_INCLUDE;
    const readme = '# RCAs\n\nThis folder holds our published RCAs, one file per incident.\n\n## How to add one\n\nCopy the template.\n';
    for (const path of ['/repo/rca/README.md', '/repo/rca/readme.md', '/repo/rcas/_index.md', '/repo/rca/2026/index.markdown']) {
      assert.ok(!isRcaDocument({ path, roots: ['/repo'], text: readme, include }), path);
    }
    // A page bundle's index.md that is a report says so itself; any other file under rca/ is one by its path.
    assert.ok(isRcaDocument({ path: '/repo/rca/2026-04-11/index.md', roots: ['/repo'], text: '# NA01 - RCA - April 11, 2026\n', include }));
    assert.ok(isRcaDocument({ path: '/repo/rca/notes.md', roots: ['/repo'], text: readme, include }));
  });

  describe('a report by its parts, whatever its title', () => {
    const marks = reportMarks(resolveSettings({}));
    const timed = '- 14:02 UTC: the error rate alert fired.\n- 14:10 UTC: the on-call engineer began investigating.\n- 14:44 UTC: the rollback completed.\n';
    const sections = (...parts: string[]) => parts.map((part) => (part.startsWith('#') ? `${part}\n\nText.\n` : part)).join('\n');
    const reports: [string, string][] = [
      [
        'a numbered incident',
        `# Incident 2026-031: checkout API errors\n\n${sections('## Summary', '## Impact', '## Timeline', timed, '## Root cause', '## Action items')}`,
      ],
      [
        'a disruption in plain words, its timeline under "How we fixed it"',
        `# Service disruption on March 3\n\n${sections('## What happened', '## Why it happened', '## How we fixed it', timed, "## What we're doing next")}`,
      ],
      ['an editor export with every part an H1 and no title', sections('# Summary', '# Impact', '# Root Causes', '# Resolution', '# Timeline', timed)],
      ['numbered headings', `# Database failover, 2026-02-11\n\n${sections('## 1. Timeline', timed, '## 2. Root Cause Analysis', '## 3. Lessons Learned')}`],
      [
        'a timeline of subheadings',
        `# Search slowness on NA01\n\n${sections('## Timeline', '### 09:02 alert fired', '### 09:15 cause found', '### 09:40 fix deployed', '## Root Cause', '## Impact')}`,
      ],
      [
        'the house format under another title',
        `# Search slowness on NA01\n\n${sections('## Introduction', '## Event Timeline', timed, '## Root Cause Analysis', '## Technical Action Items and Preventive Measures')}`,
      ],
    ];
    for (const [name, text] of reports) {
      it(`is a report: ${name}`, () => {
        assert.ok(isRcaDocument({ text, include: [], ...marks }));
        assert.ok(!isRcaDocument({ text, include: [] }), 'without the profiles, only the title counts');
      });
    }
    const quarters = '- Q1 2026: prototype.\n- Q2 2026: beta.\n- Q3 2026: general availability.\n';
    const others: [string, string][] = [
      ['a project plan', `# Search v2\n\n${sections('## Overview', '## Timeline', quarters, '## Risks', '## Open questions')}`],
      [
        'a design review whose timeline is of quarters',
        `# Cache redesign\n\n${sections('## Background', '## Timeline', quarters, '## Analysis', '## Next steps')}`,
      ],
      [
        'a design review with a timed timeline and a cause but no part only a report has',
        `# Cache redesign\n\n${sections('## Background', '## Timeline', timed, '## Root cause')}`,
      ],
      ['a runbook', `# Database failover runbook\n\n${sections('## Detection', '## Root causes', '## Resolution', '## Escalation')}`],
      ['headings that only come near the names', `# Release notes\n\n${sections('## Timelime', timed, '## Root causse', '## Actoin items')}`],
      ['the parts as words in prose, not headings', `# Notes\n\nThe timeline, the root cause and the action items are in the wiki.\n\n${timed}`],
    ];
    for (const [name, text] of others) {
      it(`is not a report: ${name}`, () => {
        assert.ok(!isRcaDocument({ text, include: [], ...marks }));
      });
    }
    it('"Postmortem" in a title about debugging from crash dumps does not make a report', () => {
      const debugging = `# Postmortem support\n\n${sections('## V8 postmortem metadata', '## Node.js debug symbols', '### Calculating offsets', '## Tools and references')}`;
      assert.ok(!isRcaDocument({ text: debugging, include: [], ...marks }));
      assert.ok(!isRcaDocument({ text: `# Post-mortem debugging with llnode\n\n${sections('## Installing', '## Usage')}`, include: [], ...marks }));
      // A report's own headings, or none, or another report word in the title, keep it a report.
      assert.ok(isRcaDocument({ text: `# Postmortem: login broken after deploy\n\n${sections('## What happened', '## Notes')}`, include: [], ...marks }));
      assert.ok(isRcaDocument({ text: '# Postmortem: staging wiped\n\nWe wiped staging at 10:02.\n', include: [], ...marks }));
      assert.ok(isRcaDocument({ text: `# Incident report and postmortem: search down\n\n${sections('## Installing', '## Usage')}`, include: [], ...marks }));
    });
    it('a page about reports (a guide, a template, a training) is not one; a report about a process or a template is', () => {
      const guide = sections('## When to write one', '## Who reviews it');
      for (const title of [
        'How to write a postmortem',
        'Postmortem template',
        'Postmortem Templates',
        'Root Cause Analysis training',
        'A guide to blameless postmortems',
        'Writing incident reports',
        'RCA process',
        'Incident report form',
        'Postmortem index',
      ]) {
        assert.ok(!isRcaDocument({ text: `# ${title}\n\n${guide}`, include: [], ...marks }), title);
        assert.ok(!isRcaDocument({ text: `---\ntitle: ${title}\n---\n\n${guide}`, include: [], ...marks }), `${title} (front matter)`);
      }
      for (const title of [
        'Postmortem: checkout process down',
        'Incident report - Process Scheduler outage',
        'RCA: policy engine outage',
        'Postmortem for the template service outage',
        'NA01 - RCA - April 11, 2026',
      ])
        assert.ok(isRcaDocument({ text: `# ${title}\n\nWe lost checkout at 10:02.\n`, include: [], ...marks }), title);
    });
    it("the team's blank template among the reports is no report; a report about a template service is", () => {
      const template = '# [instances] - RCA - <Month D, YYYY>\n\n## Introduction\n\n[summary]\n';
      const include = ['**/rca/**/*.md', '**/*.rca.md'];
      for (const path of ['/r/rca/TEMPLATE.md', '/r/rca/_template.md', '/r/rca/postmortem-template.md', '/r/rca/template.rca.md', '/r/rca/rca_template.md'])
        assert.ok(!isRcaDocument({ path, roots: ['/r'], text: template, include, ...marks }), path);
      for (const path of ['/r/rca/2024-03-12-template-service-outage.md', '/r/rca/na01-2026-04-11.rca.md'])
        assert.ok(isRcaDocument({ path, roots: ['/r'], text: template, include, ...marks }), path);
    });
    it('a runbook with a timed timeline and a root cause is no report when its title says runbook; a report about one is', () => {
      const parts = sections('## Detection', '## Timeline', timed, '## Root cause', '## Resolution', '## Action items');
      for (const title of ['Database failover runbook', 'Runbook: database failover', 'Release checklist', 'Failover procedure'])
        assert.ok(!isRcaDocument({ text: `# ${title}\n\n${parts}`, include: [], ...marks }), title);
      assert.ok(isRcaDocument({ text: `# Runbook automation deleted the primary\n\n${parts}`, include: [], ...marks }));
      assert.ok(isRcaDocument({ text: `# Incident 2024-017: broken email template\n\n${parts}`, include: [], ...marks }));
      assert.ok(isRcaDocument({ text: `# Broken email templates\n\n${parts}`, include: [], ...marks }));
      assert.ok(isRcaDocument({ text: `# Checkout errors on March 3\n\n${parts}`, include: [], ...marks }));
    });
    it('reads the parts under the profile the settings name', () => {
      const text = `# Service disruption on March 3\n\n${sections('## Timeline', timed, '## Root cause', '## Action items')}`;
      assert.ok(hasReportSections(parseDocument(text), text, reportMarks(resolveSettings({ profile: 'postmortem' })).profiles));
    });
  });
  it('without a tree, reads only the beginning of a long text: the front matter and the title come first', () => {
    const include: string[] = [];
    // A check that stopped before its parse ended hands detection no tree; a pathological rest is never parsed.
    const rest = `\n\n${'*a'.repeat(400_000)}\n`;
    assert.ok(isRcaDocument({ text: `# NA01 - RCA - April 11, 2026${rest}`, include }));
    assert.ok(isRcaDocument({ text: `---\ntype: rca\n---\n# Notes${rest}`, include }));
    const titleOnly = `Preamble.\n${'x'.repeat(DETECT_HEAD_CHARS)}\n\n# NA01 - RCA - April 11, 2026\n`;
    assert.ok(!isRcaDocument({ text: titleOnly, include }), 'an H1 past the head is not read without a tree');
    assert.ok(isRcaDocument({ text: titleOnly, include, root: parseDocument(titleOnly) }), 'with the tree, it is');
  });
});

describe('settings', () => {
  it('fills defaults and drops values the schema does not allow', () => {
    const settings = resolveSettings({
      profile: 3,
      include: 'x',
      rules: { RCA104: 'off', RCA105: 'info', RCA106: 'loud', RCA107: 'OFF' },
      timeZoneAliases: { a: 1 },
    });
    assert.equal(settings.profile, 'auto');
    assert.deepEqual(settings.include, DEFAULT_INCLUDE);
    assert.deepEqual(settings.rules, { RCA104: 'off' });
    assert.deepEqual(settings.timeZoneAliases, {});
  });
});

describe('titles', () => {
  const cases: [string, Partial<ReturnType<typeof parseTitle>> & { dateText?: string; complete?: boolean }][] = [
    ['NA01, NA02, NA03, NA91 - RCA - April 11, 2026', { instances: ['NA01', 'NA02', 'NA03', 'NA91'], dateText: 'April 11, 2026', complete: true }],
    ['Alma EU00- RCA - May 6 ,2024', { instances: ['EU00'], dateText: 'May 6 ,2024', complete: true }],
    ['Primo MT NA04 RCA - March 3, 2023', { instances: ['NA04'], dateText: 'March 3, 2023', complete: true }],
    ['APAC Data Center - RCA - Aug 19, 2022', { instances: [], subject: 'APAC Data Center', dateText: 'Aug 19, 2022', complete: true }],
    ['NA01 - RCA - April 11', { dateText: 'April 11', complete: false }],
  ];
  for (const [title, expected] of cases) {
    it(title, () => {
      const parsed = parseTitle(title);
      assert.ok(parsed.hasMarker);
      if (expected.instances) assert.deepEqual(parsed.instances, expected.instances);
      if (expected.subject) assert.equal(parsed.subject, expected.subject);
      assert.equal(parsed.date?.text, expected.dateText);
      assert.equal(parsed.date?.complete, expected.complete);
    });
  }
});

describe('skeletons', () => {
  it('renders tab stops, mirrors and choices for snippets, and placeholders for text', () => {
    const template = 'On {{date}} ({{zone|Chicago time|UTC, Z}}) and again {{date}} cost $5}';
    assert.equal(renderTemplate(template, 'snippet'), 'On ${1:[date]} (${2|Chicago time,UTC\\, Z|}) and again $1 cost \\$5\\}');
    assert.equal(renderTemplate(template, 'text', { date: 'April 11, 2026' }), 'On April 11, 2026 ([zone]) and again April 11, 2026 cost $5}');
  });
  it('renders a whole RCA with every required section, once', () => {
    const text = renderDocument(profile, 'text', { instances: 'NA01', date: 'April 11, 2026', url: 'http://s/' });
    const headings = [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(
      headings,
      profile.sections.filter((s) => s.required).map((s) => s.name),
    );
    assert.ok(text.startsWith('# NA01 - RCA - April 11, 2026\n'));
  });
});

describe('findings', () => {
  it('become diagnostics with the fields and field order of the spread they replace, a severity of their own overridden', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
    const rule = { code: 'RCA109', name: 'placeholder' };
    for (const finding of [
      { range, message: 'm' },
      { message: 'm', range, severity: 'hint' as const, sameMistake: 'k', fixes: [], related: undefined },
    ]) {
      const made = diagnosticOf(finding, rule, 'warning');
      const spread = { ...finding, code: rule.code, rule: rule.name, severity: 'warning', source: 'rca-writer' };
      assert.deepEqual(made, spread);
      assert.deepEqual(Object.keys(made), Object.keys(spread));
      assert.equal(made.range, range);
    }
  });
});

describe('placeholders', () => {
  it('are found in a block that holds one kind alone, whichever pattern finds it', () => {
    const kinds = ['FIXME', 'xx:xx', '--:--', 'XXX', 'YYYY-MM-DD', '2024-??-??', '??:??', '???', '${1:name}', '<customer>', '[insert the name]', '[date]'];
    const text = `# NA01 - RCA - April 11, 2026\n\n${kinds.map((kind) => `Here ${kind} stands.`).join('\n\n')}\n`;
    const found = checkText(text, { profile: 'exlibris' }).diagnostics.filter((d) => d.code === 'RCA109');
    assert.deepEqual(
      found.map((d) => d.range.start.line),
      kinds.map((_, i) => 2 + 2 * i),
    );
  });
  it('leave TODO alone as a status beside DONE, in capitals, in one table or list', () => {
    const todo = (block: string) =>
      checkText(`# NA01 - RCA - April 11, 2026\n\n${block}\n`, { profile: 'exlibris' }).diagnostics.filter((d) => d.code === 'RCA109').length;
    assert.equal(todo('| Action | Bug |\n| --- | --- |\n| Add jitter | n/a DONE |\n| Load test | Bug 4410 TODO |'), 0);
    assert.equal(todo('- Add jitter (DONE)\n- Load test (TODO)'), 0);
    assert.equal(todo('| Action | Bug |\n| --- | --- |\n| Add jitter | Bug 4409 |\n| Load test | TODO |'), 1);
    assert.equal(todo('We are done with the jitter. TODO: load test.'), 1, 'done is not a status word in lower case');
  });
});

describe('text utilities', () => {
  it('maps offsets and positions across LF, CRLF and CR', () => {
    const index = new LineIndex('a\r\nbc\nd\re');
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.equal(index.offsetAt({ line: 3, character: 0 }), 8);
    assert.equal(index.lineText(1), 'bc');
    assert.equal(index.eol, '\r\n');
  });
  it('computes a minimal edit that reproduces the target', () => {
    const before = 'one\r\ntwo\r\nthree';
    const after = 'one\r\n2\r\nthree';
    const edit = minimalEdit(before, after)!;
    assert.equal(applyEdits(before, [edit]), after);
    assert.equal(minimalEdit('same', 'same'), undefined);
  });
  it('refuses overlapping edits', () => {
    const r = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } });
    assert.throws(() =>
      applyEdits('abcdef', [
        { range: r(0, 3), newText: '' },
        { range: r(2, 4), newText: '' },
      ]),
    );
  });
});

describe('forms found in the wild', () => {
  it('accepts "Root Cause Analysis" spelled out in the title', () => {
    assert.ok(parseTitle('NA01 - Root Cause Analysis - March 17, 2026').hasMarker);
    assert.equal(parseTitle('NA01 - Root Cause Analysis - March 17, 2026').date?.text, 'March 17, 2026');
  });
  it('ignores a trailing note in parentheses in a heading', () => {
    assert.equal(matchHeading('Event Timeline (all times CST)', profile)?.kind, 'tolerated');
    assert.equal(matchHeading('Root Cause Analysis (RCA)', profile)?.def.id, 'root-cause-analysis');
  });
  it('keeps an alias used as a subheading inside its section', () => {
    const doc = buildModel('# T - RCA - May 1, 2020\n\n## Root Cause Analysis\n\n### Summary\n\nx\n', profile);
    assert.deepEqual(
      doc.sections.map((s) => s.def?.id),
      ['root-cause-analysis'],
    );
  });
  it('keeps phases named as optional sections inside a section heading that holds nothing else', () => {
    const postmortem = findProfile('postmortem')!;
    const phased = buildModel(
      '# Outage summary\n\n## Summary\n\nx\n\n## Incident Timeline\n\n### Detection (06:00 UTC - 06:30 UTC)\n\nAt 06:03 UTC alerts fired.\n\n### Recovery\n\ny\n\n## Root Cause\n\nz\n',
      postmortem,
    );
    assert.deepEqual(
      phased.sections.map((s) => s.def?.id),
      ['summary', 'timeline', 'root-causes'],
    );
    // A required part named exactly still starts its section there; so does any part under a section that has text of its own.
    const nested = buildModel('# Outage summary\n\n## Summary\n\n### Root Causes\n\nz\n\n## Timeline\n\nx\n\n### Detection\n\ny\n', postmortem);
    assert.deepEqual(
      nested.sections.map((s) => s.def?.id),
      ['summary', 'root-causes', 'timeline', 'detection'],
    );
  });
  it('does not make an implicit introduction when the report has an Introduction heading', () => {
    const doc = buildModel('# T - RCA - May 1, 2020\n\nA line.\n\n## Introduction\n\nx\n', profile);
    assert.deepEqual(
      doc.sections.map((s) => s.match),
      ['exact'],
    );
  });
});
