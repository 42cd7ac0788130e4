import type { Root } from 'mdast';
import { compileProfiles } from './config-text';
import { buildModel, type RcaDocument } from './model';
import { builtInProfiles, DEFAULT_PROFILE, findProfile, type Profile } from './profiles';
import { duplicateSection } from './rules/duplicate-section';
import { missingSection } from './rules/missing-section';
import { nonstandardHeading } from './rules/nonstandard-heading';
import { diagnosticOf, type Rule } from './rules/rule';
import { sectionOrder } from './rules/section-order';
import { titleFormat } from './rules/title-format';
import type { RcaSettings } from './settings';
import { readHouseTitle } from './title';
import { applySuppressions } from './suppress';
import type { RcaDiagnostic } from './types';

const never = () => false;

/** The value of `profile` that picks, for each document, the profile it fits best. */
export const AUTO_PROFILE = 'auto';

export function isAutoProfile(name: string): boolean {
  return name.trim().toLowerCase() === AUTO_PROFILE;
}

/**
 * The rules that judge a report against a template rather than its content: what `auto` minimises. RCA104 (an empty
 * heading) and RCA108 (the status link) are left out: the first is the same under every profile, the second is
 * about what a section says.
 */
export const TEMPLATE_RULES: readonly Rule[] = [missingSection, sectionOrder, duplicateSection, nonstandardHeading, titleFormat];

/** The profiles `auto` chooses from: the user's own first (a team that wrote one means it), then the built-in ones. */
export function candidateProfiles(settings: RcaSettings): Profile[] {
  let own: Profile[] = [];
  try {
    own = [...compileProfiles(settings.profiles, 'settings').values()];
  } catch {
    // The editor and the CLI report a broken profile to the user; the choice goes on among the built-in ones.
  }
  const house = findProfile(DEFAULT_PROFILE)!;
  // A profile of the user's that takes a built-in one's name replaces it, as in resolveProfile.
  const builtIn = [house, ...builtInProfiles().filter((profile) => profile !== house)];
  return [...own, ...builtIn.filter((profile) => !own.some((mine) => mine.name.toLowerCase() === profile.name))];
}

/** The template findings a document gets under a profile, after its severities and suppression comments. */
export function templateFindings(doc: RcaDocument, settings: RcaSettings): RcaDiagnostic[] {
  const found: RcaDiagnostic[] = [];
  for (const rule of TEMPLATE_RULES) {
    const configured = settings.rules[rule.code] ?? settings.rules[rule.name];
    if (configured === 'off') continue;
    rule.check({
      doc,
      profile: doc.profile,
      settings,
      report(finding) {
        found.push(diagnosticOf(finding, rule, 'warning'));
      },
    });
  }
  return applySuppressions(doc, found);
}

/** Headings written exactly as the profile names its sections: how closely the document follows that template. */
function namedExactly(doc: RcaDocument): number {
  return doc.sections.filter((section) => section.match === 'exact' || section.match === 'tolerated').length;
}

/**
 * The profile whose own title form the report's title is written in, typos and all: "<subject> - RCA - <date>" is
 * the house's ("AP03- RCA - June 3 ,2025" too). Such a report is that template's even when its sections are out of
 * order, misnamed or missing: those are exactly the defects its writer needs to see, and checking it as a
 * postmortem would hide them. A title that merely contains the marker ("RCA: payments outage") claims nothing.
 */
export function titleClaim(doc: RcaDocument, candidates: readonly Profile[]): Profile | undefined {
  if (!doc.title) return undefined;
  return candidates.find((profile) => profile.title.forms?.length && readHouseTitle(doc.title!.text, profile.title.marker)?.date);
}

/** Nothing written yet: no title and no heading, whatever text there is. */
function isBlank(doc: RcaDocument): boolean {
  return !doc.title && doc.sections.every((section) => !section.heading && !section.label);
}

export interface ProfileChoice {
  doc: RcaDocument;
  /** The template findings under the chosen profile (the fewest of any candidate). */
  templateCount: number;
}

/**
 * A choice made without comparing candidates, its template findings counted only when asked for: the check does not
 * ask (it runs the same rules next), and they were 2% of a seed-sized report's check.
 */
function settled(doc: RcaDocument, settings: RcaSettings): ProfileChoice {
  let count: number | undefined;
  return {
    doc,
    get templateCount() {
      return (count ??= templateFindings(doc, settings).length);
    },
  };
}

/**
 * The model of the text under the profile it fits best: the profile its title's form names (titleClaim), else the
 * fewest template findings, then the most headings named
 * exactly as the profile names them (a house report also fits the broad postmortem profile, by aliases), then the
 * candidates' order. A new document, without a title or a heading, is the house profile's.
 * `first` is a model already built under the house profile, reused rather than built again. `keep` names the profile
 * the document was last checked with (the editor's open document): it stays unless another has fewer template findings.
 * Past `pastDeadline` (the check's budget: a document of thousands of headings costs each candidate seconds) it
 * returns the best of the candidates tried so far, the house profile's if none; the check then runs no rule.
 */
export function chooseProfile(
  text: string,
  root: Root,
  settings: RcaSettings,
  first?: RcaDocument,
  keep?: string,
  pastDeadline: () => boolean = never,
): ProfileChoice {
  const house = findProfile(DEFAULT_PROFILE)!;
  const houseDoc = first?.profile === house ? first : buildModel(text, house, root);
  if (isBlank(houseDoc)) return settled(houseDoc, settings);
  const candidates = candidateProfiles(settings);
  const claimed = titleClaim(houseDoc, candidates);
  if (claimed) {
    return settled(claimed === house ? houseDoc : buildModel(text, claimed, root), settings);
  }
  let best: (ProfileChoice & { exact: number }) | undefined;
  let kept: ProfileChoice | undefined;
  for (const profile of candidates) {
    if (best && pastDeadline()) break;
    const doc = profile === house ? houseDoc : buildModel(text, profile, root);
    const templateCount = templateFindings(doc, settings).length;
    const exact = namedExactly(doc);
    if (keep !== undefined && profile.name === keep) kept = { doc, templateCount };
    if (!best || templateCount < best.templateCount || (templateCount === best.templateCount && exact > best.exact)) {
      best = { doc, templateCount, exact };
    }
  }
  // The profile a document is being written in stays while no other fits it strictly better: a heading renamed or a
  // section a quick fix added must not switch the template the writer sees findings against on a tie.
  if (kept && kept.templateCount <= best!.templateCount) return kept;
  return { doc: best!.doc, templateCount: best!.templateCount };
}

/** What the title's hover says of the profile a report was checked with, and why that one. */
export function profileNote(profile: Profile, auto: boolean): string {
  const why = auto ? ', chosen by `auto`: the profile whose sections and title this report fits best' : '';
  return `Checked with the **${profile.name}** profile${why}.\n\n${profile.description}`;
}
