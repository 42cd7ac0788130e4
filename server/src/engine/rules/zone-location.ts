import { DateTime } from 'luxon';
import { analyzeTimes } from '../time/analyze';
import { zoneForInstance } from '../time/instance-zones';
import { offsetAt } from '../time/zones';
import type { Rule } from './rule';

export const zoneLocation: Rule = {
  code: 'RCA212',
  name: 'zone-location',
  description: "A zone that is not the zone of the instance's data centre (from rcaWriter.instanceTimeZones).",
  defaultSeverity: 'warning',
  fixable: false,
  check({ doc, settings, report }) {
    const a = analyzeTimes(doc, settings);
    if (a.instanceZones.length === 0 || a.timelineIndex < 0) return;
    const section = doc.sections[a.timelineIndex];
    const day = a.incident ?? { year: 2024, month: 1, day: 15 };
    const millis = DateTime.fromObject({ ...day, hour: 12 }, { zone: 'UTC' }).toMillis();
    const expected = new Set(a.instanceZones.map((z) => offsetAt(z, millis)));
    for (const zone of a.zones) {
      if (zone.start < section.start || zone.end > section.end || !zone.iana || zone.vague || zone.unknown) continue;
      // UTC is everyone's zone.
      if (zone.iana === 'UTC' || (offsetAt(zone.iana, millis) === 0 && /UTC|GMT|Z\b/i.test(zone.text))) continue;
      if (expected.has(offsetAt(zone.iana, millis))) continue;
      const where = a.instances
        .map((i) => [i, zoneForInstance(i, settings.instanceTimeZones)] as const)
        .filter(([, z]) => z)
        .map(([i, z]) => `${i}: ${z}`)
        .join(', ');
      report({
        range: doc.lines.range(zone.start, zone.end),
        sameMistake: zone.text.toLowerCase(),
        message: `"${zone.text}" is not the zone of the instances' data centre (${where}); give times in the data centre's zone or in UTC.`,
      });
    }
  },
};
