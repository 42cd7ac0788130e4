import { normaliseIana } from './zones';

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .trim()
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
}

/** The zone settings.instanceTimeZones gives an instance code: the first glob that matches it. */
export function zoneForInstance(instance: string, map: Record<string, string>): string | undefined {
  for (const [glob, iana] of Object.entries(map)) {
    if (globToRegExp(glob).test(instance)) return normaliseIana(iana);
  }
  return undefined;
}
