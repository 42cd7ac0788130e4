import type { Profile } from '../engine/profiles';
import { DATE_TO_FILL, renderSection } from '../engine/template';
import { renderDocument } from './skeleton';

/** What a tab stop shows before the writer types: the expected form, which RCA109 reports if left. */
function snippetValues(profile: Profile): Record<string, string> {
  return { date: DATE_TO_FILL, published: DATE_TO_FILL, ...(profile.statusPortalUrl ? { url: profile.statusPortalUrl } : {}) };
}

export interface SnippetDefinition {
  prefix: string;
  body: string[];
  description: string;
}

/** The profile's prefix for its whole-document snippet ("rca", "postmortem"). */
function documentPrefix(profile: Profile): string {
  return profile.name === 'exlibris' ? 'rca' : profile.name;
}

/**
 * VS Code snippets for a profile: one per section and one for a whole report. They are rendered from the
 * same skeletons as the missing-section fix, so the two always insert the same text.
 */
export function buildSnippets(profile: Profile): Record<string, SnippetDefinition> {
  const snippets: Record<string, SnippetDefinition> = {};
  const values = snippetValues(profile);
  const label = profile.name === 'exlibris' ? 'RCA' : capitalise(profile.name);
  snippets[`${label}: whole report`] = {
    prefix: documentPrefix(profile),
    body: renderDocument(profile, 'snippet', values).replace(/\n$/, '').split('\n'),
    description: `A complete ${label} with the sections of a new report (profile "${profile.name}").`,
  };
  for (const def of profile.sections) {
    snippets[`${label}: ${def.name}`] = {
      prefix: def.prefix ?? `${documentPrefix(profile)}-${def.id}`,
      body: renderSection(def, 2, 'snippet', values).split('\n'),
      description: `The "${def.name}" section${def.required ? '' : ' (optional)'} of ${label === 'RCA' ? 'an RCA' : `a ${profile.name}`}.`,
    };
  }
  return snippets;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
