// Types for the test that builds the web bundles with scripts/build-options.mjs.
import type { BuildOptions } from 'esbuild';

export function nodeOptions(minify: boolean): BuildOptions;
export function webOptions(minify: boolean): BuildOptions;
export const WEB_ENTRIES: BuildOptions[];
