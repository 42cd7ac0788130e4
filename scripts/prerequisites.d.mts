// Types for the tests that call scripts/prerequisites.mjs (a plain Node script, run before `npm ci`).
export function staleModules(root?: string): string[];
export function missingPackages(purpose: 'test' | 'start'): string[];
export function suiteBlocker(suite: string): string | undefined;
export function installLine(packages: string[]): string;
export function ensurePrerequisites(purpose: 'test' | 'start', options?: { check?: boolean }): boolean;
export function elpaPresent(name: string): boolean;
