// One mistake, one finding. A writer who puts EST on every row of a July timeline made one mistake, not twelve:
// listed twelve times it buries the report's other findings, and fixing it row by row is twelve quick fixes. A rule
// marks the findings that are one mistake with the same `sameMistake` key; the check lists the first and carries
// the others as its places, and one fix corrects every place. The editor still marks each place (lsp/analysis.ts).
import { comparePositions } from './text';
import type { Fix, RcaDiagnostic, TextEdit } from './types';

/** Lines named in a merged finding's message before "and N more". */
const LINES_NAMED = 5;

function describePlaces(repeats: readonly RcaDiagnostic[]): string {
  const lines = [...new Set(repeats.map((d) => d.range.start.line + 1))];
  const named = lines.slice(0, LINES_NAMED).map(String);
  if (lines.length > LINES_NAMED) named.push(`${lines.length - LINES_NAMED} more`);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
  const count = repeats.length;
  return `The same mistake is in ${count} more place${count === 1 ? '' : 's'}: line${lines.length === 1 ? '' : 's'} ${list}.`;
}

/** Whether two of the edits overlap or insert at one point (their order there would be a guess). */
function collide(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1].range;
    const start = sorted[i].range.start;
    if (comparePositions(start, before.end) < 0 || comparePositions(start, before.start) === 0) return true;
  }
  return false;
}

/** The fix Fix All would apply for one place: its preferred one, when it edits anything. */
const preferredOf = (diagnostic: RcaDiagnostic): Fix | undefined => diagnostic.fixes?.find((fix) => fix.isPreferred && fix.edits.length > 0);

/**
 * One fix for every place: each place's preferred fix, applied together. Only when every place has one and no two
 * edits overlap; otherwise each place keeps its own fix and none corrects them all.
 */
function fixForEveryPlace(places: readonly RcaDiagnostic[]): Fix | undefined {
  const fixes = places.map(preferredOf);
  if (fixes.some((fix) => !fix)) return undefined;
  const edits = fixes.flatMap((fix) => fix!.edits);
  if (collide(edits)) return undefined;
  const title = fixes.every((fix) => fix!.title === fixes[0]!.title) ? fixes[0]!.title : places.map((_, i) => fixes[i]!.title).join('; ');
  return { title: `${title} (${places.length === 2 ? 'both' : `all ${places.length}`} places)`, edits, isPreferred: true, allPlaces: true };
}

/** A place's own fixes, offered beside the fix for every place: none of them is the one Fix All applies. */
const onlyHere = (fixes: readonly Fix[] | undefined): Fix[] =>
  (fixes ?? []).map((fix) =>
    fix.edits.length && !fix.title.startsWith('Ignore ') ? { ...fix, title: `${fix.title} (here only)`, isPreferred: false } : { ...fix, isPreferred: false },
  );

/**
 * The findings with each rule's same-key findings merged into the first (the list is in document order): its
 * message says where else the mistake is, `related` points there, `places` keeps every place as found, and its
 * preferred fix corrects every place.
 */
export function mergeSameMistakes(diagnostics: readonly RcaDiagnostic[]): RcaDiagnostic[] {
  const groups = new Map<string, RcaDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.sameMistake === undefined) continue;
    const key = `${diagnostic.code}\u0000${diagnostic.severity}\u0000${diagnostic.sameMistake}`;
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  const repeats = new Set<RcaDiagnostic>();
  const merged = new Map<RcaDiagnostic, RcaDiagnostic>();
  for (const places of groups.values()) {
    if (places.length < 2) continue;
    const [first, ...others] = places;
    for (const other of others) repeats.add(other);
    const every = fixForEveryPlace(places);
    merged.set(first, {
      ...first,
      message: `${first.message} ${describePlaces(others)}`,
      related: [...(first.related ?? []), ...others.map((other) => ({ range: other.range, message: other.message }))],
      fixes: every ? [every, ...onlyHere(first.fixes)] : first.fixes,
      places: places.map(({ sameMistake: _key, ...place }) => place),
    });
  }
  if (groups.size === 0) return [...diagnostics];
  const listed: RcaDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (repeats.has(diagnostic)) continue;
    const shown = merged.get(diagnostic) ?? diagnostic;
    // Copied only when it carries the key: a document can have hundreds of thousands of findings of other rules.
    if (shown.sameMistake === undefined) {
      listed.push(shown);
      continue;
    }
    const { sameMistake: _key, ...rest } = shown;
    listed.push(rest);
  }
  return listed;
}

/** Every place a finding stands for: its places when it merges a repeated mistake, else itself. */
export const placesOf = (diagnostic: RcaDiagnostic): readonly RcaDiagnostic[] => diagnostic.places ?? [diagnostic];

/**
 * The finding of one place, as the editor marks it beside the merged finding: that place's own message, the fix for
 * every place first, then its own fixes.
 */
export function placeFindings(diagnostic: RcaDiagnostic): RcaDiagnostic[] {
  if (!diagnostic.places) return [];
  const every = diagnostic.fixes?.find((fix) => fix.allPlaces);
  return diagnostic.places.slice(1).map((place) => ({ ...place, fixes: [...(every ? [every] : []), ...onlyHere(place.fixes)], places: diagnostic.places }));
}

/**
 * The places a fix of `target` is made to correct: every place for the fix for every place, else the target's own
 * place (the first one, for a merged finding).
 */
export function placesFixed(target: RcaDiagnostic, fix: Fix): readonly RcaDiagnostic[] {
  if (!target.places) return [target];
  if (fix.allPlaces) return target.places;
  const start = target.range.start;
  return [target.places.find((place) => place.range.start.line === start.line && place.range.start.character === start.character) ?? target.places[0]];
}
