import { globMatcher } from '../glob';
import { normaliseIana } from './zones';

/** The zone settings.instanceTimeZones gives an instance code: the first glob that matches it (any case). */
export function zoneForInstance(instance: string, map: Record<string, string>): string | undefined {
  for (const [glob, iana] of Object.entries(map)) {
    if (globMatcher(glob.trim(), { nocase: true })(instance)) return normaliseIana(iana);
  }
  return undefined;
}
