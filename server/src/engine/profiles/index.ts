import { exlibrisProfile } from './exlibris';
import { postmortemProfile } from './postmortem';
import type { Profile } from './profile';

export type { Profile, SectionDef, TitleDef } from './profile';

const builtIn = new Map<string, Profile>([exlibrisProfile, postmortemProfile].map((profile) => [profile.name, profile]));

export const DEFAULT_PROFILE = exlibrisProfile.name;

export function builtInProfileNames(): string[] {
  return [...builtIn.keys()];
}

export function findProfile(name: string): Profile | undefined {
  return builtIn.get(name.trim().toLowerCase());
}
