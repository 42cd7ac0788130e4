import type { RcaDocument } from '../engine/model';
import { statusPortalUrl, type Profile } from '../engine/profiles';
import type { RcaSettings } from '../engine/settings';
import { renderDocument } from './skeleton';
import { findDates, MONTH_NAMES } from '../engine/time/dates';
import { DATE_TO_FILL, instanceNoun } from '../engine/template';

export interface NewDocumentInput {
  instances: string;
  date: string;
  zone: string;
}

/** The date as RCAs write it ("April 11, 2026"), from whatever the writer typed; undefined if it isn't one. */
export function longDate(input: string): string | undefined {
  const found = findDates(input.trim()).dates.find((d) => d.year !== undefined && d.day !== undefined && !d.invalid);
  if (!found || found.start !== 0 || found.end !== input.trim().length) return undefined;
  return `${MONTH_NAMES[found.month - 1]} ${found.day}, ${found.year}`;
}

/** A new report from the profile, with the writer's values in place. Throws with a message the user can act on. */
export function newDocument(profile: Profile, input: NewDocumentInput, settings: RcaSettings): { text: string; fileName: string } {
  const instances = input.instances
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
  if (!instances.length) throw new Error('Give at least one instance, for example NA01.');
  const date = longDate(input.date);
  if (!date) throw new Error(`"${input.date}" is not a date; write it as 2026-04-11 or April 11, 2026.`);
  const values: Record<string, string> = {
    instances: instances.join(', '),
    instanceNoun: instanceNoun(instances.length),
    date,
    published: DATE_TO_FILL,
    url: statusPortalUrl(profile, settings),
  };
  if (input.zone.trim()) values.zone = input.zone.trim();
  const iso = isoDate(date);
  const slug =
    instances
      .map((code) => code.replace(/[^\w-]+/g, ''))
      .filter(Boolean)
      .join('-')
      .toLowerCase() || 'rca';
  return { text: renderDocument(profile, 'text', values), fileName: `${slug}-${iso}.rca.md` };
}

function isoDate(long: string): string {
  const found = findDates(long).dates[0];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${found.year}-${pad(found.month)}-${pad(found.day!)}`;
}

/** The profile's sections that the document lacks, required ones first. */
export function missingSections(doc: RcaDocument): { id: string; name: string; required: boolean }[] {
  const present = new Set(doc.sections.map((section) => section.def?.id));
  return doc.profile.sections
    .filter((def) => !present.has(def.id))
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((def) => ({ id: def.id, name: def.name, required: def.required }));
}
