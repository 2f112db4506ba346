import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createTestUser } from '../testing/test-users.js';
import type { TDevMail } from '../../shared/api/auth.schema.js';
import { AppError } from '../errors.js';
import { createSchool, type TCreateSchoolInput } from './school.service.js';

const LUNDBY: TCreateSchoolInput = {
  name: 'Lundby Skole',
  slug: 'lundby-skole',
  municipality: 'Vordingborg',
  administrator: { email: 'Anna.Berg@Lundby.dk', name: 'Anna Marie Berg' },
};

describe('creating a school and its first administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const mailsTo = async (to: string) =>
    ((await t.request({ method: 'GET', url: '/api/dev/mail' })).json().mails as TDevMail[]).filter((m) => m.to === to);
  const tokenIn = (mail: TDevMail) => /\/login\/link#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  const countSchools = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('schools')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const failure = async (input: TCreateSchoolInput) => {
    const before = await countSchools();
    const error = await createSchool(t.deps, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(await countSchools()).toBe(before);
    return error as AppError;
  };

  it('creates the school with a draft principle, and the administrator signs in by the mailed link', async () => {
    const created = await createSchool(t.deps, LUNDBY);
    expect(created).toMatchObject({
      name: 'Lundby Skole',
      slug: 'lundby-skole',
      administrator: { email: 'anna.berg@lundby.dk', name: 'Anna Marie Berg' },
      linkSent: true,
    });

    const [mail, ...more] = await mailsTo('anna.berg@lundby.dk');
    expect(more).toEqual([]);
    const signedIn = await t.request({
      method: 'POST',
      url: '/api/auth/magic-link/verify',
      payload: { token: tokenIn(mail!) },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ name: 'Anna Marie Berg', email: 'anna.berg@lundby.dk' });
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

    const me = await t.request({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().schools).toEqual([
      expect.objectContaining({
        id: created.schoolId,
        slug: 'lundby-skole',
        roles: ['administrator'],
        abilities: expect.objectContaining({ importDirectory: true }),
      }),
    ]);
    const person = await t.deps.db
      .selectFrom('people')
      .select(['external_id', 'given_name', 'family_name'])
      .where('school_id', '=', created.schoolId)
      .execute();
    expect(person).toEqual([{ external_id: 'admin', given_name: 'Anna Marie', family_name: 'Berg' }]);

    const draft = await t.deps.db
      .selectFrom('principle_versions')
      .select(['status', 'based_on_preset'])
      .where('school_id', '=', created.schoolId)
      .execute();
    expect(draft).toEqual([{ status: 'draft', based_on_preset: expect.any(String) }]);
  });

  it('makes an existing login the administrator of the new school, with the id the school gives', async () => {
    const userId = await createTestUser(t.deps.db, { email: 'leder@kommune.dk', name: 'Ole Lund' });
    const created = await createSchool(t.deps, {
      name: 'Nørreskolen',
      slug: 'noerreskolen',
      administrator: { email: 'leder@kommune.dk', name: 'Ole Lund', externalId: 'm042' },
    });
    const person = await t.deps.db
      .selectFrom('people')
      .select(['user_id', 'external_id'])
      .where('school_id', '=', created.schoolId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ user_id: userId, external_id: 'm042' });
    expect(await mailsTo('leder@kommune.dk')).toHaveLength(1);
  });

  it('refuses a slug another school has, and changes nothing', async () => {
    await createSchool(t.deps, {
      ...LUNDBY,
      slug: 'taget',
      administrator: { ...LUNDBY.administrator, externalId: 'a1' },
    });
    const error = await failure({
      ...LUNDBY,
      slug: 'taget',
      administrator: { email: 'x@lundby.dk', name: 'Xenia Holm' },
    });
    expect(error.code).toBe('school_slug_taken');
    expect(error.options).toMatchObject({ field: 'slug', params: { value: 'taget' } });
    expect(await mailsTo('x@lundby.dk')).toEqual([]);
    expect(await t.deps.db.selectFrom('users').select('id').where('email', '=', 'x@lundby.dk').execute()).toEqual([]);
  });

  it.each([
    ['a slug with capitals or spaces', { slug: 'Lundby Skole' }, 'school_slug_invalid'],
    ['a slug with a double hyphen', { slug: 'lundby--skole' }, 'school_slug_invalid'],
    ['an empty name', { name: ' ' }, 'school_name_invalid'],
    [
      'an invalid e-mail',
      { administrator: { email: 'anna@', name: 'Anna Berg' } },
      'school_administrator_email_invalid',
    ],
    [
      'a name without a family name',
      { administrator: { email: 'a@b.dk', name: 'Anna' } },
      'school_administrator_name_invalid',
    ],
  ])('refuses %s with a clear error and changes nothing', async (_, change, code) => {
    const error = await failure({ ...LUNDBY, slug: 'ny-skole', ...change } as TCreateSchoolInput);
    expect(error.code).toBe(code);
  });
});
