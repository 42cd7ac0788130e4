// Types for the tests that build the bundles with scripts/build-options.mjs.
import type { BuildOptions } from 'esbuild';

export function nodeOptions(minify: boolean): BuildOptions;
export function webOptions(minify: boolean): BuildOptions;
export const WEB_ENTRIES: BuildOptions[];
export const NODE_ENTRIES: BuildOptions[];
