import type picomatch from 'picomatch';
import { globMatcher } from './glob';
import { parseDocument } from './incremental';
import type { Heading, Root, RootContent } from 'mdast';
import { frontMatterFacts, readFrontMatter } from './front-matter';
import { matchHeading } from './headings';
import { plainText } from './nodes';
import { minOf } from './numbers';
import { looksLikeTimeline } from './timeline-shape';
import type { Profile, SectionDef, SectionRole } from './profiles';

export interface DetectInput {
  /** Absolute path of the file, if it has one. */
  path?: string;
  /** Folders the include globs are relative to (workspace folders, or the CLI's working directory). */
  roots?: string[];
  text: string;
  include: string[];
  /** Globs of files that are never RCAs, whatever they say (`rcaWriter.exclude`). */
  exclude?: string[];
  /** An already parsed tree, to avoid parsing twice. */
  root?: Root;
  /** More title words that mark a report, from the profile (e.g. "Postmortem"). */
  titleWords?: string[];
  /** The profiles whose section names mark a report by its headings (see hasReportSections). */
  profiles?: readonly Profile[];
}

// A web worker has no `process`; its paths are URI paths, which are case-sensitive.
const caseInsensitivePaths = typeof process !== 'undefined' && process.platform === 'win32';

function matcher(globs: string[]): picomatch.Matcher {
  return globMatcher(globs, { nocase: caseInsensitivePaths });
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Whether the path matches one of the globs, as an absolute path or relative to one of the roots. */
export function pathIncluded(path: string, include: string[], roots: string[] = []): boolean {
  if (!include.length) return false;
  const test = matcher(include);
  const absolute = toSlashes(path);
  if (test(absolute) || test(absolute.replace(/^\/+/, ''))) return true;
  for (const root of roots) {
    const base = toSlashes(root).replace(/\/+$/, '') + '/';
    if (absolute.startsWith(base) && test(absolute.slice(base.length))) return true;
  }
  return false;
}

/**
 * The shapes of a report's title: "NA01 - RCA - April 11, 2026", "RCA: search outage", "Root Cause Analysis of
 * ...", "Postmortem: ...", "Incident report ...". "RCA" counts in capitals and as a word of its own, so "The
 * `rca-writer` command line" or "Notes on the RCA-Writer tool" are not reports.
 */
const REPORT_TITLE = [
  /(?<![\p{L}\p{N}_\-./])RCA(?![\p{L}\p{N}_]|[-./][\p{L}])/u,
  /(?<![\p{L}\p{N}])root[\s-]+cause[\s-]+analys[ie]s(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])post[\s-]?mortem(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])incident[\s-]+report(?![\p{L}\p{N}])/iu,
];

const wordPatterns = new Map<string, RegExp>();

/** A profile's own title word ("Outage review"), as a whole word or phrase in any case. */
function wordPattern(word: string): RegExp {
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
    wordPatterns.set(word, pattern);
  }
  return pattern;
}

/** Whether an H1 has the shape of a report's title (see REPORT_TITLE), or carries one of the profile's words. */
export function isReportTitle(title: string, titleWords: readonly string[] = []): boolean {
  return REPORT_TITLE.some((pattern) => pattern.test(title)) || titleWords.some((word) => wordPattern(word).test(title));
}

/**
 * How much of a text detection parses when the caller has no tree: a check that stopped before its parse ended (the
 * work budget, a size bound) leaves none, and parsing all of a pathological 800 KB file to read its title took
 * seconds more than the check itself. The front matter and the title come first; 8 KB of the worst inline markup
 * parses in about a tenth of a second.
 */
export const DETECT_HEAD_CHARS = 8_192;

/** The text up to the last line break within DETECT_HEAD_CHARS (a title line is never cut), or its first characters. */
function headOf(text: string): string {
  if (text.length <= DETECT_HEAD_CHARS) return text;
  const cut = text.lastIndexOf('\n', DETECT_HEAD_CHARS);
  return text.slice(0, cut > 0 ? cut : DETECT_HEAD_CHARS);
}

/**
 * A folder's landing page: "README.md" in rca/, Hugo's "_index.md", a page bundle's "index.md". Its path says which
 * folder it is in, not what it is: a README that lists the reports is no report, a bundle's index.md may be one. Its
 * content decides, as any other file's does.
 */
const LANDING_PAGE = /(?:^|\/)(?:readme|_?index)\.(?:md|markdown)$/i;

/**
 * The blank report a team copies each new one from, kept among the reports: "rca/TEMPLATE.md", "_template.md",
 * "postmortem-template.md", "template.rca.md". Its placeholders and missing dates are the point of it. Only a name
 * that is "template" alone or with a report word: "2024-03-12-template-service-outage.md" is a report.
 */
const TEMPLATE_FILE =
  /(?:^|\/)_?(?:(?:rca|postmortem|post-mortem|incident|incident-report|report|pir)[-_ ]?template|template(?:[-_ .]?(?:rca|postmortem|post-mortem|incident|report|pir))?)\.(?:md|markdown)$/i;

export function isTemplateFile(path: string): boolean {
  return TEMPLATE_FILE.test(toSlashes(path));
}

/** Whether the path alone makes a file an RCA: it matches `include`, and it is no folder's landing page nor a template. */
export function includedAsReport(path: string, include: string[], roots: string[] = []): boolean {
  return pathIncluded(path, include, roots) && !LANDING_PAGE.test(toSlashes(path)) && !isTemplateFile(path);
}

/**
 * Which Markdown files are RCAs: those whose path matches `include` (a folder's landing page aside, see
 * LANDING_PAGE), whose front matter says `type: rca`, whose H1 (or front-matter title) has the shape of a report's
 * title (titleSaysReport), or whose parts make a report (hasReportSections). Other Markdown is left alone.
 */
export function isRcaDocument(input: DetectInput): boolean {
  if (input.path && input.exclude?.length && pathIncluded(input.path, input.exclude, input.roots)) return false;
  if (input.path && isTemplateFile(input.path)) return false;
  if (input.path && includedAsReport(input.path, input.include, input.roots)) return true;
  const root = input.root ?? parseDocument(headOf(input.text));
  const { frontMatter } = readFrontMatter(root);
  if (frontMatter && String(frontMatter.type).toLowerCase() === 'rca') return true;
  // A page of a static site carries its title in the front matter, and often has no H1 at all.
  const { title } = frontMatterFacts(frontMatter);
  if (title && titleSaysReport(title, root, input)) return true;
  const h1 = root.children.find((node) => node.type === 'heading' && node.depth === 1);
  const h1Text = h1 ? plainText(h1) : undefined;
  if (h1Text !== undefined && titleSaysReport(h1Text, root, input)) return true;
  if ((h1Text !== undefined && namesAnotherKind(h1Text)) || (title && namesAnotherKind(title))) return false;
  return input.profiles !== undefined && hasReportSections(root, input.text, input.profiles);
}

/**
 * A title that says the page is a document of another kind, as its head or its last word: "Database failover
 * runbook", "Runbook: database failover", "Release checklist". A runbook may have a Detection, a timed Timeline, a
 * Root cause and a Resolution, as a report does; its title says what it is. A report about a runbook names it in the
 * middle ("Runbook automation deleted the primary") and is read by its parts as before.
 */
const ANOTHER_KIND = String.raw`(?:run[\s-]?book|playbook|checklist|procedure|SOP|handbook|template|guide)`;
const ANOTHER_KIND_TITLE = [
  new RegExp(String.raw`^\s*${ANOTHER_KIND}s?\s*[:\u2013\u2014-]`, 'iu'),
  // The kind in the singular: "Incident 2024-017: broken email templates" ends with a plural and is a report.
  new RegExp(String.raw`(?<![\p{L}\p{N}])${ANOTHER_KIND}\s*$`, 'iu'),
];

/** A number in the title (an incident's, a date) marks a report, whatever its last word. */
function namesAnotherKind(title: string): boolean {
  return !/\d/.test(title) && ANOTHER_KIND_TITLE.some((pattern) => pattern.test(title));
}

/**
 * How many headings detection reads: a report names its parts in far fewer, and a file of 58,000 headings that is
 * no report must not cost seconds of a folder's walk.
 */
const MAX_HEADINGS_READ = 200;

/** The first top-level headings of levels `from` to 3. */
function headingsOf(root: Root, from: number): Heading[] {
  const headings: Heading[] = [];
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth >= from && node.depth <= 3) headings.push(node);
    if (headings.length >= MAX_HEADINGS_READ) break;
  }
  return headings;
}

/** The profile's section a heading names by its name or an alias: detection reads no near miss as a section. */
function namedSection(heading: Heading, profile: Profile): SectionDef | undefined {
  const match = matchHeading(plainText(heading), profile, false);
  return match && match.kind !== 'misspelling' ? match.def : undefined;
}

const REPORT_WORD = String.raw`(?:RCAs?|root[\s-]+cause[\s-]+analys[ie]s|post[\s-]?mortems?|incident[\s-]+reports?)`;
/** What a page about reports is, written right after the report word: "Postmortem template", "RCA training". */
const ABOUT_WORD = String.raw`(?:templates?|guide(?:lines)?|handbook|playbook|process(?:es)?|polic(?:y|ies)|checklists?|training|workshops?|culture|best\s+practices|faq|tutorials?|primer|course|forms?|index|archive)`;
/**
 * Titles of pages about reports, which teams keep beside them: "How to write a postmortem", "Postmortem template",
 * "Root Cause Analysis training", "A guide to blameless postmortems". Only the word right after the report word, or
 * the words right before it, count: "Postmortem: checkout process down" and "Incident report - Process Scheduler
 * outage" are reports.
 */
const ABOUT_REPORTS = [
  new RegExp(String.raw`(?<![\p{L}\p{N}])${REPORT_WORD}\s+${ABOUT_WORD}(?![\p{L}\p{N}])`, 'iu'),
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:how\s+(?:to|we)\s+(?:write|run|hold|conduct|do|review)|writing|guide\s+to|templates?\s+for|introduction\s+to|about)\s+(?:(?:a|an|the|good|great|better|effective|useful|blameless|our|your)\s+)*${REPORT_WORD}(?![\p{L}\p{N}])`,
    'iu',
  ),
];

function isAboutReports(title: string): boolean {
  return ABOUT_REPORTS.some((pattern) => pattern.test(title));
}

/** "Postmortem" in all its spellings, which also names debugging from a crash dump. */
const POSTMORTEM_WORD = /post[\s-]?mortem/giu;

/**
 * Whether a title makes its document a report (isReportTitle). "Postmortem" also names debugging from a crash dump
 * ("Postmortem support", "Post-mortem debugging with llnode"): a title whose only report word it is makes a report
 * unless the document's headings are all of another kind, two at least, none a section of a profile.
 */
function titleSaysReport(title: string, root: Root, input: DetectInput): boolean {
  if (!isReportTitle(title, input.titleWords) || isAboutReports(title)) return false;
  if (!input.profiles || isReportTitle(title.replace(POSTMORTEM_WORD, ' '), input.titleWords)) return true;
  const headings = headingsOf(root, 2);
  if (headings.length < 2) return true;
  const profiles = input.profiles;
  return headings.some((heading) => profiles.some((profile) => namedSection(heading, profile) !== undefined));
}

/** Parts of a report that other documents with a timeline and a cause (a design review, a runbook) seldom have. */
const REPORT_ONLY_ROLES: ReadonlySet<SectionRole> = new Set(['impact', 'actions', 'resolution', 'detection', 'trigger', 'lessons']);

/**
 * Whether the document's headings and timeline make it a report under one of the profiles: a section named as the
 * root cause, one named as a part only a report has (the impact, the actions, the resolution ...), and a timeline of
 * times of day, under its own heading or any other (timeline-shape.ts). Teams title a postmortem "Incident 2026-031:
 * checkout errors" or "Service disruption on March 3", with no word that says report, or give a document exported
 * from an editor no title at all; its parts still say what it is. A heading counts by a section's name or alias, not
 * by a near miss, and a timeline must be timed: a design review's "Background", "Timeline" of quarters, "Analysis" and
 * "Next steps" is no report.
 */
export function hasReportSections(root: Root, text: string, profiles: readonly Profile[]): boolean {
  const headings = headingsOf(root, 1);
  if (headings.length < 3) return false;
  return profiles.some((profile) => {
    const roleOf = new Map<Heading, SectionRole | undefined>();
    for (const heading of headings) roleOf.set(heading, namedSection(heading, profile)?.role);
    const roles = new Set(roleOf.values());
    if (!roles.has('root-cause') || ![...roles].some((role) => role && REPORT_ONLY_ROLES.has(role))) return false;
    // The sections are cut at the level of the highest heading that names a part: deeper headings ("### 14:02 alert
    // fired") are entries of the section above them.
    const level = minOf(headings.filter((heading) => roleOf.get(heading)).map((heading) => heading.depth));
    const sections: { role?: SectionRole; body: RootContent[] }[] = [];
    for (const node of root.children) {
      if (node.type === 'heading' && node.depth <= level) sections.push({ role: roleOf.get(node), body: [] });
      else sections.at(-1)?.body.push(node);
    }
    return sections.some((section) => section.role !== 'introduction' && looksLikeTimeline(section, text));
  });
}
