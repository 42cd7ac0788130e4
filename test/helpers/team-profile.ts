import { postmortemProfile } from '../../server/src/engine/profiles/postmortem';

/**
 * A team's own profile: the postmortem one with its summary named "Overview". A report with "## Overview" fits it
 * best; with "## Summary" it fits this and the postmortem profile equally by template findings, and the postmortem
 * one better by exact names: the tie that `auto` must not switch an open document on.
 */
export const teamProfile = {
  extends: 'postmortem',
  sections: postmortemProfile.sections.map((def) => ({
    name: def.role === 'introduction' ? 'Overview' : def.name,
    id: `team-${def.role}`,
    role: def.role,
    required: def.required,
  })),
};
