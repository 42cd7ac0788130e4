import type { Profile } from '../engine/profiles';
import { renderTemplate, sectionTemplate, type RenderMode } from '../engine/template';

/**
 * A whole RCA, in profile order, rendered as one template so that a value used in several sections
 * (the date, the instances) is one tab stop. Optional sections are left out unless the profile puts them in a new
 * report or they are asked for.
 */
export function renderDocument(profile: Profile, mode: RenderMode, values: Record<string, string> = {}, withOptional = false): string {
  const parts = [`# ${profile.title.skeleton}`];
  for (const def of profile.sections) {
    if (def.required || def.inNewReport || withOptional) parts.push(sectionTemplate(def, 2));
  }
  return renderTemplate(parts.join('\n\n'), mode, values) + '\n';
}
