import { isAmbiguous } from '../time/ambiguous';
import { analyzeTimes } from '../time/analyze';
import type { Rule } from './rule';

export const unknownTimeZone: Rule = {
  code: 'RCA204',
  name: 'unknown-time-zone',
  description: 'A time-zone phrase maps to no known zone, or an abbreviation is ambiguous and nothing in the document decides it.',
  defaultSeverity: 'warning',
  fixable: false,
  partialTimes: true,
  check({ doc, settings, report, partialTimes }) {
    const a = partialTimes ?? analyzeTimes(doc, settings);
    for (const zone of a.zones) {
      const range = doc.lines.range(zone.start, zone.end);
      if (zone.unknown || (!zone.iana && !zone.vague)) {
        report({
          range,
          sameMistake: `unknown ${zone.text.toLowerCase()}`,
          message: `"${zone.text}" is not a time zone RCA Writer knows: write a city ("Chicago time"), an abbreviation ("CDT"), an offset ("UTC+8") or an IANA name, or add it to rcaWriter.timeZoneAliases.`,
        });
      } else if (isAmbiguous(zone)) {
        // Decided by the zones of the whole document: a zone is marked so only after the analysis read them all.
        const labels = zone.candidates.map((c) => c.label);
        const readings = labels.length > 2 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : labels.join(' or ');
        report({
          range,
          sameMistake: `ambiguous ${(zone.abbreviation ?? zone.text).toLowerCase()}`,
          severity: 'information',
          message: `"${zone.abbreviation ?? zone.text}" can mean ${readings}; read as ${zone.candidates[0].label}. Name the city ("Chicago time") or set rcaWriter.instanceTimeZones to decide.`,
        });
      }
    }
  },
};
