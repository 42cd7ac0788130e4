// `check <folder>` and `--index-folder`: the cross-report rules (RCA4xx) over the reports of a run. Every file was
// indexed where it was checked (check-worker.ts), so this builds one index and asks it once per report.
import { checkFolderEntry } from '../engine/folder/check-folder';
import { FolderIndex } from '../engine/folder/folder-index';
import { comparePositions } from '../engine/text';
import type { JobResult } from './check-worker';
import type { Checked } from './fix';

/** The entry a checked file is compared as: that of the text it was fixed to, when the report gives those findings. */
function entryOf(result: NonNullable<JobResult>) {
  return result.fixed && result.diagnostics === result.fixed.diagnostics ? (result.fixed.entry ?? result.entry) : result.entry;
}

/** The run's reports with their cross-report findings added; `others` are reports indexed but not reported on (--index-folder). */
export function withFolderFindings(checked: Checked[], others: NonNullable<JobResult>[]): Checked[] {
  const index = new FolderIndex();
  for (const result of others) if (result.entry) index.set(result.entry);
  for (const { result } of checked) {
    const entry = entryOf(result);
    if (entry) index.set(entry);
  }
  return checked.map(({ input, result }) => {
    const entry = entryOf(result);
    if (!entry) return { input, result };
    const found = checkFolderEntry(index, entry.key, input.settings);
    if (!found.length) return { input, result };
    const diagnostics = [...result.diagnostics, ...found].sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
    return { input, result: { ...result, diagnostics } };
  });
}
