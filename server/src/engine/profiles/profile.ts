/**
 * A profile says what an RCA looks like: its sections, in order, with the other names writers use for them.
 *
 * Section skeletons are written once here in a small template language, and rendered either as
 * VS Code snippets (with tab stops) or as plain text (for the missing-section fix), so the two can't drift:
 *   {{name}}                 a value: instances, date, product, zone, start, end, url
 *   {{name|choice a|choice b}} a value with a list of common choices
 */
/**
 * What a section is, whatever a profile calls it. Rules and writing aids find sections by role, never by a profile's
 * ids, so a profile that calls its timeline "Sequence of events" keeps every timeline rule. The set is closed and
 * small: the parts of an Ex Libris RCA and of a blameless postmortem (the Google SRE book's template).
 */
export const SECTION_ROLES = [
  'introduction',
  'impact',
  'timeline',
  'root-cause',
  'trigger',
  'resolution',
  'detection',
  'actions',
  'lessons',
  'communication',
  'publication-history',
] as const;

export type SectionRole = (typeof SECTION_ROLES)[number];

export interface SectionDef {
  /** Stable identifier, e.g. "event-timeline". */
  id: string;
  /** What the section is; at most one section of a profile has each role. */
  role?: SectionRole;
  /** Canonical heading text. */
  name: string;
  /** Other headings that mean the same section; reported as nonstandard and renamed by the fix. */
  aliases: string[];
  required: boolean;
  /** A new report (and the whole-report snippet) has the section though it is not required: the template's usual parts. */
  inNewReport?: boolean;
  /** Skeleton of the section body, in the template language above. */
  skeleton: string;
  /** Snippet prefix; defaults to "rca-" + id. */
  prefix?: string;
  /**
   * The section may stand without a heading, as the text between the title and the first heading
   * (older reports do this with their introduction).
   */
  mayBeImplicit?: boolean;
  /** The section must name the status-portal address. */
  needsStatusLink?: boolean;
  /**
   * The timeline, root cause or actions, which a report may tell in its prose instead (prose-account.ts): cloud
   * providers' incident reports and monthly availability reports tell the response with its times, the cause and
   * what will change under headings of their own, by design. A house template whose readers look for the section
   * leaves this off.
   */
  toldInProse?: boolean;
}

/**
 * A way writers depart from the standard title, as the title reader (engine/title.ts) names it. The profile's table
 * of title forms says which are accepted and which are corrected.
 */
export const TITLE_SLIPS = [
  'long-dash',
  'dash-spacing',
  'marker-dashes',
  'marker-spelling',
  'comma-spacing',
  'year-comma',
  'month-name',
  'day-ordinal',
  'day-padded',
  'day-first',
  'missing-day',
  'missing-year',
  'several-days',
  'numeric-date',
] as const;

export type TitleSlip = (typeof TITLE_SLIPS)[number];

/** One row of a profile's table of title forms: a form, whether it stands or is corrected, and an example. */
export interface TitleFormRow {
  /** The form, in the words the finding uses: "no space before or after the dash". */
  form: string;
  /** The slip the title reader names this form by; none for variants of the standard that it never reports. */
  slip?: TitleSlip;
  verdict: 'accepted' | 'corrected';
  /** A title of this form. */
  example: string;
  /** For a corrected row, the title the fix writes for `example`; absent when no fix can be offered. */
  fixed?: string;
  /** A date the example's Event Timeline gives (the fix completes a title date from it). */
  timeline?: string;
}

export interface TitleDef {
  /** Human-readable form, used in messages: "<instances> - RCA - <Month D, YYYY>". */
  form: string;
  /** Skeleton of the title line, in the template language above. */
  skeleton: string;
  /** Whether the title must carry a date. */
  requiresDate: boolean;
  /** A word the title must contain (e.g. "RCA"); empty for none. */
  marker: string;
  /**
   * The house title forms: `<subject> - <marker> - <Month D, YYYY>` and the ways writers depart from it, each
   * accepted or corrected (RCA106 rewrites a corrected title to the standard form). Without it, only the marker,
   * the subject and the date's presence are checked.
   */
  forms?: TitleFormRow[];
}

export interface Profile {
  name: string;
  description: string;
  title: TitleDef;
  sections: SectionDef[];
  /**
   * Words that mark a Markdown file as a report of this kind when its H1 contains one
   * ("RCA" and "Root Cause Analysis" always do).
   */
  titleWords?: string[];
  /**
   * A profile that describes many teams' formats rather than one house template: every alias is as good as the
   * name (RCA105 reports only misspellings), sections may stand in any order (no RCA102), and two headings that
   * name one section differently ("Root Cause", "Contributing Factors") are two parts of it (RCA103 reports only
   * the same heading twice).
   */
  open?: boolean;
  /** Lines that may stand between the title and the first section and are not content (disclaimers). */
  preambleLines: RegExp[];
  /**
   * The status-portal address the section that needs one must give (RCA108), unless rcaWriter.statusPortalUrl
   * names another; none: any web address will do.
   */
  statusPortalUrl?: string;
  /**
   * The service's products by family, each with the names reports write it under ("Primo VE" is Primo): RCA302
   * compares the families the title, introduction and timeline name. None: the rule has nothing to compare.
   */
  products?: Record<string, string[]>;
  /**
   * Letter prefixes of the service's instance codes (NA for NA01). Codes of that shape with other prefixes are
   * host names (DB03), unless the title or rcaWriter.instanceTimeZones names them.
   */
  instanceRegions?: string[];
}
