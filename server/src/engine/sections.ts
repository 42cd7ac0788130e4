import type { RcaDocument, Section } from './model';
import type { SectionRole } from './profiles';

/** Section lists whose starts were found in order, with the length they had then. */
const sortedSections = new WeakMap<Section[], number>();

/** Which section an offset falls in, or -1: the last one whose start..end holds it. */
export function sectionAt(doc: RcaDocument, offset: number): number {
  return sectionLookup(doc)(offset);
}

/** sectionAt for many offsets of one document: whether its sections start in order is asked once, not per offset. */
export function sectionLookup(doc: RcaDocument): (offset: number) => number {
  const sections = doc.sections;
  if (sortedSections.get(sections) !== sections.length) {
    let sorted = true;
    for (let i = 1; i < sections.length && sorted; i++) sorted = sections[i - 1].start <= sections[i].start;
    if (sorted) sortedSections.set(sections, sections.length);
  }
  const inOrder = sortedSections.get(sections) === sections.length;
  return (offset) => {
    let last = sections.length - 1;
    if (inOrder) {
      // Starts in order: no section after the last one that starts at or before the offset can hold it.
      let low = 0;
      let high = sections.length - 1;
      last = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (sections[mid].start <= offset) {
          last = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
    }
    for (let i = last; i >= 0; i--) {
      const section = sections[i];
      if (offset >= section.start && offset <= section.end) return i;
    }
    return -1;
  };
}

/** The index of the document's first section with this role, or -1. */
export function sectionWithRole(doc: RcaDocument, role: SectionRole): number {
  return doc.sections.findIndex((section) => section.def?.role === role);
}
