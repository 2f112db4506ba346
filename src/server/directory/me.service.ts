import type { SignedInContext } from '../context.js';
import type { Membership } from '../policies/membership.js';
import { findSchoolIdsOfUser } from '../policies/membership.repository.js';
import type { GuardianshipKind } from '../db/schema.js';
import {
  mayEditClosedDays,
  mayEditPrinciple,
  mayHandleInformationRequests,
  mayImport,
  mayPlanConferences,
  mayReadPrincipleDrafts,
  mayReadSchoolOverview,
  maySearchAuditLog,
} from '../policies/rules.js';
import { ROLES, type TAbilities, type TMe, type TMeChild, type TRole } from '../../shared/api/directory.schema.js';
import type { Locale } from '../../shared/errors.js';
import { presentClassRef } from './directory.presenter.js';
import {
  findGuardianshipsOfUser,
  findSchoolsByIds,
  updateUserLocale,
  type UserGuardianshipRow,
} from './me.repository.js';

/**
 * Everything a person is at one school. A suspended guardian keeps the role (so the client can
 * explain the suspension) but `Membership.guardianOf` is empty, so no rule grants them anything.
 */
export function rolesAt(m: Membership, guardianKinds: ReadonlySet<GuardianshipKind>): TRole[] {
  const held = new Set<TRole>([...m.roles, ...m.classRoles.values()]);
  if (guardianKinds.has('custody')) held.add('guardian');
  if (guardianKinds.has('information_right')) held.add('information_right_parent');
  if (m.studentId) held.add('student');
  if (m.representativeOf.size > 0) held.add('class_representative');
  return ROLES.filter((role) => held.has(role));
}

export function abilitiesAt(m: Membership): TAbilities {
  return {
    readSchoolOverview: mayReadSchoolOverview(m),
    editPrinciple: mayEditPrinciple(m),
    readPrincipleDrafts: mayReadPrincipleDrafts(m),
    importDirectory: mayImport(m),
    searchAuditLog: maySearchAuditLog(m),
    handleInformationRequests: mayHandleInformationRequests(m),
    editClosedDays: mayEditClosedDays(m),
    planConferences: mayPlanConferences(m),
  };
}

function presentChild(row: UserGuardianshipRow): TMeChild {
  return {
    id: row.student_id,
    schoolId: row.school_id,
    givenName: row.given_name,
    familyName: row.family_name,
    name: `${row.given_name} ${row.family_name}`.trim(),
    relation: row.kind,
    // § 23 gives information on request: not even the class is handed out unasked.
    class: row.kind === 'custody' ? presentClassRef({ id: row.class_id, grade: row.grade, letter: row.letter }) : null,
  };
}

/** The signed-in user, their schools with roles and abilities, and the children they may follow. */
export async function readMe(ctx: SignedInContext): Promise<TMe> {
  const { actor } = ctx;
  const [schoolIds, guardianships] = await Promise.all([
    findSchoolIdsOfUser(ctx.db, actor.userId),
    findGuardianshipsOfUser(ctx.db, actor.userId),
  ]);
  const schools = await findSchoolsByIds(ctx.db, [...new Set(schoolIds)]);
  const memberships = await Promise.all(schools.map((s) => ctx.membership(s.id)));
  const schoolEntries = schools.map((school, i) => {
    const m = memberships[i]!;
    const kinds = new Set(guardianships.filter((g) => g.school_id === school.id).map((g) => g.kind));
    return {
      id: school.id,
      name: school.name,
      slug: school.slug,
      roles: rolesAt(m, kinds),
      suspended: m.suspended,
      abilities: abilitiesAt(m),
      studentId: m.studentId,
    };
  });
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    locale: actor.locale,
    roles: ROLES.filter((role) => schoolEntries.some((s) => s.roles.includes(role))),
    schools: schoolEntries,
    children: guardianships.filter((g) => !g.suspended).map(presentChild),
  };
}

export async function updatePreferences(
  ctx: SignedInContext,
  preferences: { locale: Locale },
): Promise<{ locale: Locale }> {
  await updateUserLocale(ctx.db, ctx.actor.userId, preferences.locale);
  return { locale: preferences.locale };
}
