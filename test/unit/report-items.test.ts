// What the Explorer's "RCAs" view shows of each report the server lists (client/src/report-items.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportItem } from '../../client/src/report-items';

const uri = 'file:///w/rca/2026-04-11-na01.rca.md';

describe('the RCAs view: one report', () => {
  it('shows the title, the incident date and the problem count, with the worst severity as its icon', () => {
    const item = reportItem({
      uri,
      name: 'rca/2026-04-11-na01.rca.md',
      title: 'NA01 - RCA - April 11, 2026',
      incident: '2026-04-11',
      problems: { errors: 1, warnings: 2, others: 1 },
    });
    assert.deepEqual(item, {
      uri,
      label: 'NA01 - RCA - April 11, 2026',
      description: '2026-04-11 · 4 problems',
      tooltip: 'NA01 - RCA - April 11, 2026\nrca/2026-04-11-na01.rca.md\n1 error, 2 warnings, 1 note',
      ariaLabel: 'NA01 - RCA - April 11, 2026, incident date 2026-04-11, 4 problems',
      icon: 'error',
    });
  });

  it('a report with warnings only, notes only, or none', () => {
    const base = { uri, name: 'r.rca.md', incident: '2025-01-14' };
    assert.equal(reportItem({ ...base, problems: { errors: 0, warnings: 1, others: 3 } }).icon, 'warning');
    assert.equal(reportItem({ ...base, problems: { errors: 0, warnings: 0, others: 1 } }).icon, 'info');
    const clean = reportItem({ ...base, problems: { errors: 0, warnings: 0, others: 0 } });
    assert.equal(clean.icon, 'pass');
    assert.equal(clean.description, '2025-01-14 · 0 problems');
    assert.match(clean.tooltip, /no problems$/);
  });

  it('a report with no title or date is named by its path; one not checked shows no count', () => {
    const item = reportItem({ uri, name: 'rca/notes.md', problems: null });
    assert.equal(item.label, 'rca/notes.md');
    assert.equal(item.description, 'no date');
    assert.equal(item.icon, undefined);
    assert.match(item.tooltip, /not checked: rcaWriter\.workspaceDiagnostics is off/);
    assert.equal(item.ariaLabel, 'rca/notes.md, no incident date');
  });
});
