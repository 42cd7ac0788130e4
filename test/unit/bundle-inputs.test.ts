// What a bundle holds is downloaded with the extension and compiled at each start: packages needed only to build
// it stay out. Each bundle is built here as scripts/build.mjs builds it, and its metafile lists what went in.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { NODE_ENTRIES, nodeOptions, WEB_ENTRIES, webOptions } from '../../scripts/build-options.mjs';

const root = join(__dirname, '..', '..');
/**
 * ajv compiles the config schema at build time (scripts/config-validator.mjs); the generated validator needs only
 * the small helpers under ajv/dist/runtime. fast-uri is ajv's compiler's.
 */
const BUILD_ONLY = /node_modules\/(?:ajv\/(?!dist\/runtime\/)|ajv-formats\/|fast-uri\/)/;

const bundles = [...NODE_ENTRIES.map((entry) => ({ ...nodeOptions(false), ...entry })), ...WEB_ENTRIES.map((entry) => ({ ...webOptions(false), ...entry }))];

describe('bundles: no build-time package', () => {
  for (const options of bundles) {
    it(`${String(options.outfile)} holds no ajv compiler`, async () => {
      const result = await build({ ...options, absWorkingDir: root, write: false, sourcemap: false, metafile: true, logLevel: 'silent' });
      assert.deepEqual(
        Object.keys(result.metafile.inputs).filter((file) => BUILD_ONLY.test(file)),
        [],
      );
    });
  }
});
