import { checkText } from '../../../server/src/engine/check';
import type { RcaSettings } from '../../../server/src/engine/settings';
import { applyEdits } from '../../../server/src/engine/text';

export interface Parts {
  title?: string;
  intro?: string;
  timeline?: string;
  body?: string;
  history?: string;
}

/** A complete RCA around the parts a test cares about, so only time rules have anything to say. */
export function rca(parts: Parts): string {
  const intro =
    parts.intro ?? 'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on April 11, 2026.';
  return [
    `# ${parts.title ?? 'NA01 - RCA - April 11, 2026'}`,
    '',
    '## Introduction',
    '',
    intro,
    '',
    '## Event Timeline',
    '',
    parts.timeline ??
      'Service interruption was experienced by customers served by the NA01 instance on April 11, 2026, from 12:14 AM until 2:27 AM Chicago time.',
    '',
    '## Root Cause Analysis',
    '',
    parts.body ?? 'The primary ISP performed maintenance.',
    '',
    '## Technical Action Items and Preventive Measures',
    '',
    '- Monitoring was added.',
    '',
    '## Customer Communication',
    '',
    'Updates appear in the system status portal at this address: http://status.exlibrisgroup.com/',
    '',
    'These updates are automatically sent as emails to registered customers.',
    ...(parts.history ? ['', '## Publication History', '', parts.history] : []),
    '',
  ].join('\n');
}

const TIME_CODES = /^RCA(?:2\d\d|30\d)$/;

export function timeFindings(text: string, settings: Partial<RcaSettings> = {}) {
  return checkText(text, settings).diagnostics.filter((d) => TIME_CODES.test(d.code));
}

/** Codes reported, errors and warnings only unless `all`. */
export function codes(text: string, settings: Partial<RcaSettings> = {}, all = false): string[] {
  return timeFindings(text, settings)
    .filter((d) => all || d.severity === 'error' || d.severity === 'warning')
    .map((d) => d.code)
    .sort();
}

/** Applies the first (preferred) fix of the first finding with this code. */
export function fixed(text: string, code: string, settings: Partial<RcaSettings> = {}, which = 0): string {
  const finding = timeFindings(text, settings).find((d) => d.code === code);
  if (!finding?.fixes?.[which]) throw new Error(`no fix ${which} for ${code}`);
  return applyEdits(text, finding.fixes[which].edits);
}
