import type { Db } from '../db/database.js';
import type { SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { isGuardian, isStaff, mayKeepNotificationSettings } from '../policies/rules.js';
import type { TQuietHours } from '../../shared/principle/principle.schema.js';
import type {
  TNotificationMode,
  TNotificationSettingsList,
  TPutNotificationSettings,
} from '../../shared/api/notification.schema.js';
import {
  findPeopleOfUser,
  selectNotificationSettings,
  upsertNotificationSettings,
} from './notification-settings.repository.js';

/** What applies to one person: their own choice where they made one, else the defaults. */
export interface EffectiveNotificationSettings {
  mode: TNotificationMode;
  quietHours: TQuietHours | null;
}

/** The school's default quiet hours: the adopted principle's; none while the school has adopted none. */
export async function principleQuietHours(db: Db, schoolId: string): Promise<TQuietHours | null> {
  return (await findAdoptedPrinciple(db, schoolId))?.principle.communication.quietHours ?? null;
}

/**
 * The settings in force for some people at one school. Guardians default to the daily digest;
 * staff default to the principle's quiet hours until they set their own.
 */
export async function loadNotificationSettings(
  db: Db,
  schoolId: string,
  personIds: readonly string[],
): Promise<(personId: string) => EffectiveNotificationSettings> {
  const [rows, schoolQuiet] = await Promise.all([
    selectNotificationSettings(db, schoolId, personIds),
    principleQuietHours(db, schoolId),
  ]);
  const saved = new Map(rows.map((r) => [r.person_id, r]));
  return (personId) => {
    const row = saved.get(personId);
    return row ? { mode: row.mode, quietHours: row.quiet_hours } : { mode: 'digest', quietHours: schoolQuiet };
  };
}

/** The caller's settings at each school where they are told about messages (as staff or guardian). */
export async function getNotificationSettings(ctx: SignedInContext): Promise<TNotificationSettingsList> {
  const people = await findPeopleOfUser(ctx.db, ctx.actor.userId);
  const schools: TNotificationSettingsList['schools'] = [];
  for (const person of people) {
    const membership = await ctx.membership(person.school_id);
    if (!mayKeepNotificationSettings(membership)) continue;
    const [settings, schoolQuiet] = await Promise.all([
      loadNotificationSettings(ctx.db, person.school_id, [person.person_id]),
      principleQuietHours(ctx.db, person.school_id),
    ]);
    const own = settings(person.person_id);
    schools.push({
      schoolId: person.school_id,
      schoolName: person.school_name,
      asGuardian: isGuardian(membership),
      asStaff: isStaff(membership),
      mode: own.mode,
      quietHours: own.quietHours,
      principleQuietHours: schoolQuiet,
    });
  }
  return { schools };
}

/** Saves the caller's settings at one school (the route's policy has checked they may keep some there). */
export async function putNotificationSettings(
  ctx: SignedInContext,
  input: TPutNotificationSettings,
): Promise<TNotificationSettingsList> {
  const membership = await ctx.membership(input.schoolId);
  if (!membership.personId) throw new AppError('not_found');
  await upsertNotificationSettings(ctx.db, {
    schoolId: input.schoolId,
    personId: membership.personId,
    mode: input.mode,
    quietHours: input.quietHours,
    at: ctx.clock.now(),
  });
  return getNotificationSettings(ctx);
}
