// A stand-in for the Open VSX registry's publish endpoint, for publishing the .vsix with the real `ovsx` client
// on a machine with no network. It applies the checks the registry makes to an uploaded extension's manifest
// (eclipse/openvsx, server ExtensionValidator: name characters, version characters, field sizes, URLs, enum
// values, control characters) and the licence the registry requires, and answers as the registry does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAME = /^[\w\-+$~]+$/;
const VERSION_CHARACTER = /^[\p{L}\p{N}$+\-,.:;_]$/u;
// Control, format, unassigned, private-use and line or paragraph separator characters.
const INVALID_CHARACTER = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;
const DEFAULT_SIZE = 255;

interface Manifest {
  publisher?: string;
  name?: string;
  version?: string;
  displayName?: string;
  description?: string;
  categories?: string[];
  keywords?: string[];
  license?: string;
  homepage?: string;
  repository?: string | { url?: string };
  bugs?: string | { url?: string };
  markdown?: string;
  qna?: string | false;
  galleryBanner?: { color?: string; theme?: string };
}

function isUrl(value: string): boolean {
  try {
    return new URL(value.startsWith('git+') ? value.slice(4) : value).host !== '';
  } catch {
    return false;
  }
}

const urlOf = (value: string | { url?: string } | undefined) => (typeof value === 'string' ? value : value?.url);

/** What the registry would refuse in an extension's package.json, one line each. */
export function openVsxIssues(manifest: Manifest, entries: string[]): string[] {
  const issues: string[] = [];
  for (const key of ['publisher', 'name'] as const) {
    const value = manifest[key];
    if (!value) issues.push(`${key} must not be empty`);
    else if (!NAME.test(value) || value.length > DEFAULT_SIZE) issues.push(`invalid ${key}: ${value}`);
  }
  const version = manifest.version ?? '';
  if (!version) issues.push('version must not be empty');
  if (['latest', 'pre-release', 'reviews'].includes(version)) issues.push(`the version "${version}" is reserved`);
  const bad = [...version].find((character) => !VERSION_CHARACTER.test(character));
  if (bad) issues.push(`invalid character "${bad}" in version ${version}`);
  const text = (field: string, value: string | undefined, limit = DEFAULT_SIZE) => {
    if (value === undefined) return;
    if (INVALID_CHARACTER.test(value)) issues.push(`invalid character in ${field}: ${JSON.stringify(value)}`);
    if (value.length > limit) issues.push(`${field} is longer than ${limit} characters`);
  };
  text('displayName', manifest.displayName);
  text('description', manifest.description, 2048);
  for (const category of manifest.categories ?? []) text('categories', category);
  for (const keyword of manifest.keywords ?? []) text('keywords', keyword);
  text('license', manifest.license);
  for (const [field, value] of [
    ['homepage', manifest.homepage],
    ['repository', urlOf(manifest.repository)],
    ['bugs', urlOf(manifest.bugs)],
  ] as const) {
    if (value && !isUrl(value)) issues.push(`invalid URL in ${field}: ${value}`);
    text(field, value);
  }
  if (manifest.markdown && !['github', 'standard'].includes(manifest.markdown)) issues.push(`invalid markdown: ${manifest.markdown}`);
  if (manifest.qna !== undefined && manifest.qna !== false && manifest.qna !== 'marketplace' && !isUrl(manifest.qna)) {
    issues.push(`invalid qna: ${manifest.qna}`);
  }
  text('galleryBanner.color', manifest.galleryBanner?.color, 16);
  const theme = manifest.galleryBanner?.theme;
  if (theme && !['dark', 'light'].includes(theme)) issues.push(`invalid galleryBanner.theme: ${theme}`);
  const licensed = manifest.license || entries.some((entry) => /^extension\/licen[sc]e(\.md|\.txt)?$/i.test(entry));
  if (!licensed) issues.push('the extension has no license');
  return issues;
}

export interface Registry {
  url: string;
  /** Each publish request received: the token and what was answered. */
  published: { token: string | null; status: number; answer: Record<string, unknown> }[];
  close(): Promise<void>;
}

/** Starts the stand-in on a free local port. */
export async function startOpenVsxRegistry(): Promise<Registry> {
  const work = mkdtempSync(join(tmpdir(), 'rca-open-vsx-'));
  const published: Registry['published'] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, answer: Record<string, unknown>) => {
        published.push({ token: url.searchParams.get('token'), status, answer });
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(answer));
      };
      if (request.method !== 'POST' || url.pathname !== '/api/-/publish') {
        response.writeHead(404).end();
        return;
      }
      const file = join(work, `upload-${published.length}.vsix`);
      writeFileSync(file, Buffer.concat(chunks));
      const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
      const packaged = spawnSync('unzip', ['-p', file, 'extension/package.json'], { encoding: 'utf8' });
      if (list.status !== 0 || packaged.status !== 0) return reply(400, { error: 'the upload is not a .vsix with extension/package.json' });
      const entries = list.stdout.trim().split('\n');
      if (!entries.includes('extension.vsixmanifest')) return reply(400, { error: 'the .vsix has no extension.vsixmanifest' });
      const manifest = JSON.parse(packaged.stdout) as Manifest;
      const issues = openVsxIssues(manifest, entries);
      if (issues.length) return reply(400, { error: issues.join('\n') });
      reply(201, { namespace: manifest.publisher, name: manifest.name, version: manifest.version, targetPlatform: 'universal' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    published,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
