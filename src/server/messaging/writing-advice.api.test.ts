import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { adoptPreset } from '../principle/principle.service.js';
import { MESSAGE_BODY_MAX, type TWritingAdvice } from '../../shared/api/messaging.schema.js';

// 14 words, LIX 43: medium, fine for most readers, not for one who needs plain language.
const MEDIUM = 'Vi holder forældremøde på torsdag. Vi taler om trivsel og om lejrskolen i foråret.';
const SENSITIVE = 'Emma bliver mobbet i frikvarteret, og hun vil ikke i skole.';

describe('POST /api/writing-advice', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const advise = async (actor: ActorName, body: Record<string, unknown>) => {
    const res = await t.request({ method: 'POST', url: '/api/writing-advice', as: f.users[actor], payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TWritingAdvice;
  };
  const setNeeds = (actor: ActorName, needs: { language?: string; needs_interpreter?: boolean }) =>
    t.deps.db.updateTable('people').set(needs).where('id', '=', f.people[actor]!).execute();
  const codes = (advice: TWritingAdvice) => advice.hints.map((h) => h.code);

  it('gives the LIX, its band and the sensitive topics, to a guardian too', async () => {
    const advice = await advise('custodyGuardian', { text: SENSITIVE, studentId: f.ownStudent });
    expect(advice.band).toMatch(/^(easy|medium|hard)$/);
    expect(typeof advice.lix).toBe('number');
    expect(advice.hints).toEqual([{ code: 'consider_call_or_meeting', topics: ['bullying', 'absence'] }]);
    expect((await advise('custodyGuardian', { text: MEDIUM })).lix).toBe(43);
  });

  it("asks staff to write easier when one of the child's custody holders needs plain language", async () => {
    const body = { text: MEDIUM, studentId: f.ownStudent };
    expect(codes(await advise('contactTeacher', body))).toEqual([]);
    await setNeeds('protectedGuardian', { needs_interpreter: true });
    try {
      expect(codes(await advise('contactTeacher', body))).toEqual(['write_easier']);
      expect(codes(await advise('leader', body))).toEqual(['write_easier']);
      // A guardian is never told to simplify, and a teacher of another class learns nothing about Emma's family.
      expect(codes(await advise('custodyGuardian', body))).toEqual([]);
      expect(codes(await advise('otherClassTeacher', body))).toEqual([]);
      expect(codes(await advise('otherSchoolLeader', { ...body, schoolId: f.otherSchoolId }))).toEqual([]);
      expect(codes(await advise('contactTeacher', { text: MEDIUM }))).toEqual([]);
    } finally {
      await setNeeds('protectedGuardian', { needs_interpreter: false });
    }
  });

  it('looks at the guardians of a class for a message to the class, leaving out suspended ones', async () => {
    const body = { text: MEDIUM, classId: f.classA };
    await setNeeds('suspendedGuardian', { language: 'ar' });
    expect(codes(await advise('contactTeacher', body))).toEqual([]);
    await setNeeds('custodyGuardian', { language: 'ar' });
    try {
      expect(codes(await advise('contactTeacher', body))).toEqual(['write_easier']);
      expect(codes(await advise('otherClassTeacher', body))).toEqual([]);
      expect(codes(await advise('contactTeacher', { text: MEDIUM, classId: f.classB }))).toEqual([]);
    } finally {
      await setNeeds('custodyGuardian', { language: 'da' });
      await setNeeds('suspendedGuardian', { language: 'da' });
    }
  });

  it('ignores a student it cannot find as if none were given', async () => {
    const unknown = await advise('contactTeacher', {
      text: SENSITIVE,
      studentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown).toEqual(await advise('contactTeacher', { text: SENSITIVE }));
  });

  it("drops the advice to call or meet where the school's principle does not ask for it", async () => {
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    expect(codes(await advise('contactTeacher', { text: SENSITIVE, studentId: f.ownStudent }))).toEqual([
      'consider_call_or_meeting',
    ]);
    // Seed 001 does not say that sensitive matters are taken by phone or in a meeting.
    await adoptPreset(t.deps.db, {
      schoolId: f.schoolId,
      presetId: 'seed-001',
      adoptedOn: '2026-11-02',
      adoptedBy: 'Skolebestyrelsen',
      recordedBy: null,
      now: TEST_NOW,
    });
    expect(codes(await advise('contactTeacher', { text: SENSITIVE, studentId: f.ownStudent }))).toEqual([]);
    expect(codes(await advise('custodyGuardian', { text: SENSITIVE, schoolId: f.schoolId }))).toEqual([]);
    // Someone outside the school gets the general advice, not the school's.
    expect(codes(await advise('otherSchoolLeader', { text: SENSITIVE, schoolId: f.schoolId }))).toEqual([
      'consider_call_or_meeting',
    ]);
  });

  it('warns about shouting', async () => {
    expect(codes(await advise('custodyGuardian', { text: 'HVORFOR HAR INGEN SVARET MIG?!!!' }))).toContain(
      'tone_shouting',
    );
  });

  it('refuses a text over the limit and an anonymous caller', async () => {
    const tooLong = await t.request({
      method: 'POST',
      url: '/api/writing-advice',
      as: f.users.custodyGuardian,
      payload: { text: 'a'.repeat(MESSAGE_BODY_MAX + 1) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.field).toBe('text');
    expect((await t.request({ method: 'POST', url: '/api/writing-advice', payload: { text: 'Hej' } })).statusCode).toBe(
      401,
    );
  });
});
