import { exlibrisProfile } from './exlibris';
import { postmortemProfile } from './postmortem';
import type { Profile, SectionRole } from './profile';
import type { RcaSettings } from '../settings';

export { SECTION_ROLES, TITLE_SLIPS, type Profile, type SectionDef, type SectionRole, type TitleDef, type TitleFormRow, type TitleSlip } from './profile';

const builtIn = new Map<string, Profile>([exlibrisProfile, postmortemProfile].map((profile) => [profile.name, profile]));

export const DEFAULT_PROFILE = exlibrisProfile.name;

export function builtInProfiles(): Profile[] {
  return [...builtIn.values()];
}

export function builtInProfileNames(): string[] {
  return [...builtIn.keys()];
}

export function findProfile(name: string): Profile | undefined {
  return builtIn.get(name.trim().toLowerCase());
}

/** The role a built-in profile gives the section with this id: what a user profile's section of that id is by default. */
export function builtInRole(id: string): SectionRole | undefined {
  for (const profile of builtIn.values()) {
    const role = profile.sections.find((section) => section.id === id)?.role;
    if (role) return role;
  }
  return undefined;
}

/**
 * The status-portal address a report must give (RCA108, skeletons, the rendered page): the setting's when it is set,
 * where "" accepts any address, else the profile's; "" when neither names one.
 */
export function statusPortalUrl(profile: Profile, settings: Pick<RcaSettings, 'statusPortalUrl'>): string {
  return settings.statusPortalUrl ?? profile.statusPortalUrl ?? '';
}
