// Baseline for the CLI row: bare parsing (mdast-util-from-markdown) of the files named in a list, read from
// disk, split over one worker thread per core, as a CLI with workers would. Prints nothing; time the process.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { fromMarkdown } from 'mdast-util-from-markdown';

if (isMainThread) {
  const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const count = Math.min(availableParallelism(), files.length);
  const slices = Array.from({ length: count }, (_, i) => files.filter((_, index) => index % count === i));
  await Promise.all(
    slices.map(
      (slice) => new Promise((resolve, reject) => new Worker(new URL(import.meta.url), { workerData: slice }).on('exit', resolve).on('error', reject)),
    ),
  );
} else {
  for (const file of workerData) fromMarkdown(readFileSync(file, 'utf8'));
}
