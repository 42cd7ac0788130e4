import { looksLikeActions } from '../actions-shape';
import { labelledSections } from '../labels';
import type { SectionDef } from '../profiles';
import { insertSectionEdit, canonicalPlacement } from '../structure';
import { toldInProse } from '../prose-account';
import { looksLikeTimeline } from '../timeline-shape';
import type { Rule } from './rule';

export const missingSection: Rule = {
  code: 'RCA101',
  name: 'missing-section',
  description: 'A section that the profile requires is absent.',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, profile, settings, report }) {
    const present = new Set(doc.sections.map((section) => section.def?.id));
    let labelled: Set<SectionDef> | undefined;
    for (const def of profile.sections) {
      if (!def.required || present.has(def.id)) continue;
      // "**Root Causes:** a leak in ..." under the title, as the SRE template writes its short parts: the part is there.
      labelled ??= labelledSections(doc.root, doc.text, profile);
      if (labelled.has(def)) continue;
      // A timeline under a heading of the team's own ("Response") is not missing; the rules that read a timeline still find
      // it by its heading only.
      if (def.role === 'timeline' && doc.sections.some((section) => looksLikeTimeline(section, doc.text))) continue;
      // A narrative report (a cloud provider's incident report, a monthly availability report) tells the response with its
      // times, the cause and what will change in its prose, where the profile allows it.
      if (def.toldInProse && (def.role === 'timeline' || def.role === 'root-cause' || def.role === 'actions') && toldInProse(doc, def.role)) continue;
      // The same for the actions: a table of owners and due dates under "Remediation" is the follow-up work.
      if (def.role === 'actions' && doc.sections.some(looksLikeActions)) continue;
      const placement = canonicalPlacement(doc, def);
      const where =
        placement.after && placement.before
          ? ` It belongs between "${placement.after.def!.name}" and "${placement.before.def!.name}".`
          : placement.after
            ? ` It belongs after "${placement.after.def!.name}".`
            : placement.before
              ? ` It belongs before "${placement.before.def!.name}".`
              : '';
      // Point at the heading where the section would be inserted, so the fix happens where the eye is.
      const atInsertion = doc.sections.find((section) => section.start === placement.offset && section.headingRange);
      const anchor = atInsertion?.headingRange ??
        placement.after?.headingRange ??
        doc.title?.range ?? {
          start: { line: 0, character: 0 },
          end: { line: 0, character: doc.lines.lineEnd(0) },
        };
      report({
        range: anchor,
        message: `Missing required section "${def.name}".${where}`,
        fixes: [{ title: `Insert the "${def.name}" section`, edits: [insertSectionEdit(doc, def, settings)], isPreferred: true }],
      });
    }
  },
};
