import { readFileSync } from 'node:fs';
import { buildModel } from './server/src/model';
import { findProfile } from './server/src/profiles';
import { resolveSettings } from './server/src/settings';
import { analyzeTimes } from './server/src/time/analyze';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const doc = buildModel(text, findProfile('exlibris')!);
  const a = analyzeTimes(doc, resolveSettings({}));
  console.log('==', f, 'incident', a.incident, 'docZone', a.documentZone?.iana, 'instances', a.instances);
  for (const d of a.dates) console.log(' date', d.text, d.section, d.year, d.month, d.day);
  for (const z of a.zones) console.log(' zone', JSON.stringify(z.text), z.iana, z.unknown ? 'unknown' : '');
  for (const w of a.windows) console.log(' win', text.slice(w.from, w.to), w.iana, w.zoneSource, w.start.ymd, w.end?.ymd, w.startMillis && new Date(w.startMillis).toISOString(), w.endMillis && new Date(w.endMillis).toISOString(), w.nextDay, w.backwards);
}
