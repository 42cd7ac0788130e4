import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { ProofBudget, proveFix, QUICK_FIX_PROOF_CHARS } from '../../server/src/engine/fix-proof';
import { exlibrisProfile } from '../../server/src/engine/profiles/exlibris';
import { postmortemProfile } from '../../server/src/engine/profiles/postmortem';
import { TITLE_SLIPS } from '../../server/src/engine/profiles';
import { applyEdits } from '../../server/src/engine/text';

/** A report around `title`; its timeline writes `timelineDate` when given, and no full date otherwise. */
function report(title: string, timelineDate?: string): string {
  return [
    `# ${title}`,
    '## Introduction',
    'Searches failed for customers of the instances in the title.',
    '## Event Timeline',
    `${timelineDate ?? 'The service was slow'} from 10:00 until 11:00 Chicago time.`,
    '## Root Cause Analysis',
    'A database failover stalled.',
    '## Technical Action Items and Preventive Measures',
    '- Alerts were added.',
    '## Customer Communication',
    'Updates are posted at this address: http://status.exlibrisgroup.com/',
    '',
  ].join('\n\n');
}

const titleFindings = (text: string, settings = {}) => checkText(text, settings).diagnostics.filter((d) => d.code === 'RCA106');

describe("the exlibris profile's table of title forms, row by row", () => {
  for (const row of exlibrisProfile.title.forms!) {
    it(`${row.verdict}: ${row.form}: "${row.example}"${row.timeline ? ` (timeline: ${row.timeline})` : ''}`, () => {
      const text = report(row.example, row.timeline);
      const found = titleFindings(text);
      if (row.verdict === 'accepted') {
        assert.deepEqual(
          found.map((d) => d.message),
          [],
        );
        return;
      }
      assert.equal(found.length, 1, 'one finding');
      assert.equal(found[0].range.start.line, 0);
      const named = exlibrisProfile.title.forms!.find((other) => other.slip === row.slip)!.form;
      assert.ok(found[0].message.includes(named), found[0].message);
      const fixes = (found[0].fixes ?? []).filter((fix) => fix.isPreferred);
      if (row.fixed === undefined) {
        assert.deepEqual(fixes, [], 'no fix where the date cannot be known');
        return;
      }
      assert.equal(fixes.length, 1, 'one fix');
      const fixed = applyEdits(text, fixes[0].edits);
      assert.equal(fixed, text.replace(`# ${row.example}`, `# ${row.fixed}`), 'the fix rewrites the title and nothing else');
      assert.deepEqual(titleFindings(fixed), [], 'the fixed title is accepted');
      const result = checkText(text);
      const target = result.diagnostics.find((d) => d.code === 'RCA106')!;
      const proof = proveFix(
        result,
        target,
        target.fixes!.find((fix) => fix.isPreferred)!,
        new ProofBudget(QUICK_FIX_PROOF_CHARS),
      );
      assert.equal(proof.kind, 'proven', 'the fix proves itself (engine/fix-proof.ts)');
    });
  }

  it('every slip the title reader names has a row', () => {
    const rows = new Set(exlibrisProfile.title.forms!.map((row) => row.slip));
    assert.deepEqual(
      TITLE_SLIPS.filter((slip) => !rows.has(slip)),
      [],
    );
  });

  it("the RCA106 page's table has every form of the profile's table, with its verdict", () => {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'RCA106.md'), 'utf8');
    for (const row of exlibrisProfile.title.forms!) {
      if (row.form === 'several slips at once') continue;
      assert.match(page, new RegExp(`^\\| ${row.form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|.*\\| ${row.verdict} \\|`, 'm'), row.form);
    }
  });

  it('a postmortem gets none of the house findings, whatever its title', () => {
    for (const title of ['Search outage Postmortem', 'AP03- RCA - June 3 ,2025 Postmortem', 'Checkout incident, Aug 19 2024 Postmortem']) {
      assert.deepEqual(titleFindings(`# ${title}\n\n## Summary\n\nText.\n`, { profile: 'postmortem' }), []);
    }
    assert.equal(postmortemProfile.title.forms, undefined);
  });

  it('a user profile that extends exlibris keeps the table; one that writes its own title form does not', () => {
    const text = report('AP03- RCA - June 3, 2025');
    const extending = { profile: 'mine', profiles: { mine: { extends: 'exlibris' } } };
    assert.equal(titleFindings(text, extending).length, 1);
    const own = { profile: 'mine', profiles: { mine: { extends: 'exlibris', title: { form: '<instances> RCA <date>', marker: 'RCA', requiresDate: true } } } };
    assert.deepEqual(titleFindings(text, own), []);
  });

  it("a team's title form that leads with its marker reads the subject after it", () => {
    const leading = {
      profile: 'pm',
      profiles: { pm: { extends: 'postmortem', title: { form: 'Postmortem: <what>', marker: 'Postmortem', requiresDate: false } } },
    };
    const titled = (title: string) => `# ${title}\n\n## Summary\n\nThe index was rebuilt twice on March 9, 2026.\n`;
    assert.deepEqual(titleFindings(titled('Postmortem: search index rebuilt twice'), leading), []);
    assert.deepEqual(titleFindings(titled('Postmortem - NA01 - March 9, 2026'), leading), []);
    assert.match(titleFindings(titled('Postmortem'), leading)[0]?.message ?? '', /names no instances, region or product/);
  });
});
