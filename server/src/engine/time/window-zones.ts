import { firstAtOrAfter } from '../numbers';
import type { TimeWindow } from './window';
import type { ZoneMatch } from './zones';
import type { DocumentZone } from './zone-context';

/** Where a window's zone comes from when its sentence names none. */
export interface ZoneContext {
  /** The zone of a lead-in earlier in the section: "during the following hours, Chicago time:". */
  leadZone?: ZoneMatch;
  documentZone?: DocumentZone;
  defaultZone?: string;
  instanceZones: string[];
  timelineIndex: number;
}

/**
 * The zone of each window of one sentence: its own, then the nearest one after the window in its sentence, then
 * before it, then the lead-in; then the document's, the default, or the one instance's.
 */
export function assignZones(windows: TimeWindow[], zones: ZoneMatch[], context: ZoneContext): void {
  const { leadZone, documentZone, defaultZone, instanceZones, timelineIndex } = context;
  let firstVague: [ZoneMatch | undefined] | undefined;
  windows.forEach((w, index) => {
    const next = windows[index + 1];
    const own = w.end?.ownZone ?? w.start.ownZone;
    let after: ZoneMatch | undefined;
    for (let k = firstAtOrAfter(zones, w.to, (z) => z.start); k < zones.length && !after; k++) {
      if (next && zones[k].end > next.from) break;
      if (!zones[k].vague) after = zones[k];
    }
    let before: ZoneMatch | undefined;
    for (let k = firstAtOrAfter(zones, w.from + 1, (z) => z.end) - 1; k >= 0 && !before; k--) if (!zones[k].vague) before = zones[k];
    const anyVague = (firstVague ??= [zones.find((z) => z.vague)])[0];
    const zone = own ?? after ?? before ?? anyVague;
    if (zone) {
      w.zone = zone;
      w.zoneSource = own ? 'own' : 'sentence';
    } else if (leadZone) {
      w.zone = leadZone;
      w.zoneSource = 'lead';
    } else if (documentZone && w.section === timelineIndex) {
      w.zone = documentZone.match;
      w.iana = documentZone.iana;
      w.zoneSource = 'document';
    }
    if (w.zone && !w.iana) w.iana = w.zone.vague ? instanceZones[0] : w.zone.iana;
    if (!w.iana && !w.zoneSource && documentZone) {
      w.iana = documentZone.iana;
      w.zoneSource = 'document';
    }
    if (!w.iana && !w.zoneSource && defaultZone) {
      w.iana = defaultZone;
      w.zoneSource = 'default';
    }
    if (!w.iana && !w.zoneSource && instanceZones.length === 1) {
      w.iana = instanceZones[0];
      w.zoneSource = 'instance';
    }
  });
}
