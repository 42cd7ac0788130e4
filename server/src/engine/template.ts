import type { RcaDocument } from './model';
import { statusPortalUrl, type SectionDef } from './profiles';
import type { RcaSettings } from './settings';
import { parseTitle } from './title';

/**
 * Renders the profile's template language (see profiles/profile.ts). The engine's fixes fill in sections
 * with it; authoring/ builds snippets and new reports with it.
 * - 'snippet': VS Code snippet syntax, one tab stop per value (repeated values mirror), choices as choice lists;
 * - 'text': plain Markdown, with known values filled in and "[name]" left for the writer where none is known
 *   (not "<name>": Markdown reads that as an HTML tag, which a rendered page hides and RCA109 could not tell from one).
 */
export type RenderMode = 'snippet' | 'text';

const FIELD = /\{\{([\w-]+)((?:\|[^|}]+)*)\}\}/g;

function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, (ch) => `\\${ch}`);
}

/** What a skeleton leaves for the writer where it knows no value: "[cause]". */
export function placeholderFor(name: string): string {
  return `[${name}]`;
}

/** The names of a template's fields, in order, each once: "{{date}} ({{zone|UTC|...}})" gives date and zone. */
export function templateFields(template: string): string[] {
  return [...new Set([...template.matchAll(FIELD)].map((match) => match[1]))];
}

export function renderTemplate(template: string, mode: RenderMode, values: Record<string, string> = {}): string {
  const stops = new Map<string, number>();
  let result = '';
  let cursor = 0;
  for (const match of template.matchAll(FIELD)) {
    const [whole, name, choiceText] = match;
    const literal = template.slice(cursor, match.index);
    cursor = match.index + whole.length;
    const choices = choiceText ? choiceText.slice(1).split('|') : [];
    const known = values[name];
    if (mode === 'text') {
      result += literal + (known ?? placeholderFor(name));
      continue;
    }
    result += escapeSnippetText(literal);
    let stop = stops.get(name);
    const first = stop === undefined;
    if (first) {
      stop = stops.size + 1;
      stops.set(name, stop);
    }
    if (!first) result += `$${stop}`;
    else if (choices.length) {
      // The known value is the default: the first choice is the one a tab accepts.
      const ordered = known ? [known, ...choices.filter((choice) => choice !== known)] : choices;
      result += `\${${stop}|${ordered.map(escapeChoice).join(',')}|}`;
    } else result += `\${${stop}:${escapeSnippetText(known ?? placeholderFor(name))}}`;
  }
  const rest = template.slice(cursor);
  return result + (mode === 'snippet' ? escapeSnippetText(rest) : rest);
}

export function sectionTemplate(def: SectionDef, level: number): string {
  return `${'#'.repeat(level)} ${def.name}\n\n${def.skeleton}`;
}

/** A whole section, heading included, in the given mode. */
export function renderSection(def: SectionDef, level: number, mode: RenderMode, values: Record<string, string> = {}, eol = '\n'): string {
  const text = renderTemplate(sectionTemplate(def, level), mode, values);
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/** "the NA01 instance", "the NA01, NA02 instances": skeletons name one instance in the singular. */
export function instanceNoun(count: number): string {
  return count === 1 ? 'instance' : 'instances';
}

/** A date for the writer to fill in, in the house form: RCA109 reports it while it is left. */
export const DATE_TO_FILL = '<Month D, YYYY>';

/**
 * Values a skeleton can be filled with, read from the document itself. The publication date is never in it: it
 * is left to fill in, in a form RCA109 reports ("<published>" would be an HTML tag, hidden when rendered).
 */
export function documentValues(doc: RcaDocument, settings: Pick<RcaSettings, 'statusPortalUrl'>): Record<string, string> {
  const values: Record<string, string> = { instanceNoun: instanceNoun(0), published: DATE_TO_FILL };
  const url = statusPortalUrl(doc.profile, settings);
  if (url) values.url = url;
  if (doc.title) {
    const parsed = parseTitle(doc.title.text, doc.profile.title.marker);
    if (parsed.instances.length) {
      values.instances = parsed.instances.join(', ');
      values.instanceNoun = instanceNoun(parsed.instances.length);
    }
    if (parsed.date?.complete && !parsed.date.numeric) values.date = parsed.date.text;
  }
  return values;
}
