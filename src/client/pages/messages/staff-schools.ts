import type { TMe } from '../../../shared/api/directory.schema.js';

/** Roles that make a person staff at a school: they write to colleagues and to homes. */
const STAFF_ROLES = new Set<string>(['contact_teacher', 'teacher', 'pedagogue', 'leader', 'administrator']);

/** The schools where the signed-in person works, so staff-only actions are offered there only. */
export function staffSchoolsOf(me: TMe | null | undefined): TMe['schools'] {
  return (me?.schools ?? []).filter((school) => school.roles.some((role) => STAFF_ROLES.has(role)));
}
