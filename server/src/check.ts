import { compileProfiles } from './config';
import { buildModel, type RcaDocument } from './model';
import { DEFAULT_PROFILE, findProfile, type Profile } from './profiles';
import { allRules, type Rule } from './rules';
import { resolveSettings, type RcaSettings } from './settings';
import { applySuppressions, ignoreLineFix } from './suppress';
import { comparePositions } from './text';
import type { Finding, RcaDiagnostic, Severity } from './types';

export interface CheckResult {
  doc: RcaDocument;
  diagnostics: RcaDiagnostic[];
}

export class UnknownProfileError extends Error {
  constructor(readonly profile: string) {
    super(`unknown profile "${profile}"`);
  }
}

/** The profile the settings name: a user-defined one first, then a built-in one. */
export function resolveProfile(settings: RcaSettings): Profile {
  const custom = compileProfiles(settings.profiles, 'settings').get(settings.profile.toLowerCase());
  const profile = custom ?? findProfile(settings.profile);
  if (!profile) throw new UnknownProfileError(settings.profile);
  return profile;
}

function profileOrDefault(settings: RcaSettings): Profile {
  try {
    return resolveProfile(settings);
  } catch {
    // The editor and the CLI report a bad profile to the user; checking goes on with the default.
    return findProfile(DEFAULT_PROFILE)!;
  }
}

/** The severity a rule's findings get under these settings, or 'off'. */
export function effectiveSeverity(rule: Rule, settings: RcaSettings, finding?: Finding): Severity | 'off' {
  return settings.rules[rule.code] ?? settings.rules[rule.name] ?? finding?.severity ?? rule.defaultSeverity;
}

/**
 * Parses the text once and runs every enabled rule over the model.
 * This is the engine's single entry point: the server, the CLI and the tests all call it.
 */
export function checkText(text: string, settingsInput: Partial<RcaSettings> | RcaSettings = {}): CheckResult {
  const settings = resolveSettings(settingsInput);
  const profile = profileOrDefault(settings);
  const doc = buildModel(text, profile);
  const diagnostics: RcaDiagnostic[] = [];
  for (const rule of allRules) {
    if (settings.rules[rule.code] === 'off' || settings.rules[rule.name] === 'off') continue;
    rule.check({
      doc,
      profile,
      settings,
      report(finding) {
        const severity = effectiveSeverity(rule, settings, finding);
        if (severity === 'off') return;
        diagnostics.push({ ...finding, code: rule.code, rule: rule.name, severity, source: 'rca-writer' });
      },
    });
  }
  const kept = applySuppressions(doc, diagnostics);
  for (const diagnostic of kept) {
    const ignore = ignoreLineFix(doc, diagnostic);
    if (ignore) diagnostic.fixes = [...(diagnostic.fixes ?? []), ignore];
  }
  kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
  return { doc, diagnostics: kept };
}
