import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { adoptPreset } from '../principle/principle.service.js';
import { adoptTestPrinciple, createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import type { TPrincipleFigures } from '../../shared/api/figures.schema.js';
import type { TThreadDetail } from '../../shared/api/messaging.schema.js';

const HOUR = 60 * 60 * 1000;

describe("the principle's figures for messages", () => {
  let t: TestApp;
  let f: Fixture;
  const send = async (actor: ActorName, url: string, payload: Record<string, unknown>) => {
    const res = await t.request({ method: 'POST', url, as: f.users[actor], payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as TThreadDetail;
  };
  const figures = async (actor: ActorName = 'leader', query = ''): Promise<TPrincipleFigures> => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/principle-figures${query}`,
      as: f.users[actor],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TPrincipleFigures;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // Seed 002 promises an answer within 3 working days.
    await adoptTestPrinciple(t.deps.db, f.schoolId);
    // Monday 23 November 10:00: two questions about Emma; the first is answered two hours later,
    // the second never. Both fall due on Thursday 26 November.
    const answered = await send('custodyGuardian', '/api/threads', {
      studentId: f.ownStudent,
      subject: 'Madpakke',
      body: 'Skal Emma have madpakke med på turen?',
    });
    await send('custodyGuardian', '/api/threads', { studentId: f.ownStudent, subject: 'Cykel', body: 'Må hun cykle?' });
    t.clock.advance(2 * HOUR);
    await send('contactTeacher', `/api/threads/${answered.id}/messages`, { body: 'Ja, en madpakke.' });
    // Friday 27 November: both promises have fallen due; a new question opens a third.
    // (Sessions end after two idle days: the guardian looks in every day.)
    for (let day = 0; day < 4; day++) {
      t.clock.advance(day < 3 ? 24 * HOUR : 22 * HOUR);
      await t.request({ method: 'GET', url: '/api/me', as: f.users.custodyGuardian });
    }
    await send('custodyGuardian', `/api/threads/${answered.id}/messages`, { body: 'Og drikkedunk?' });
  });
  afterAll(() => t.close());

  it('counts promises kept of those due, and the median working hours to an answer, for the leadership', async () => {
    const { messages, audience, schoolYear } = await figures();
    expect(audience).toBe('leadership');
    expect(schoolYear).toEqual({ startYear: 2026, from: '2026-08-01', to: '2027-08-01' });
    expect(messages.promisedWorkingDays).toBe(3);
    expect(messages.repliesWithinPromise.school).toEqual({ counted: 2, kept: 1, share: 0.5 });
    expect(messages.timeToAnswer.school).toEqual({ answered: 1, medianWorkingHours: 2 });
    // The third promise runs until next Wednesday: open, neither kept nor broken yet.
    expect([messages.openPromises, messages.brokenPromises]).toEqual([2, 1]);

    const november = messages.repliesWithinPromise.months.find((m) => m.month === '2026-11');
    expect(november?.cell).toEqual({ counted: 2, kept: 1, share: 0.5 });
    expect(messages.repliesWithinPromise.months.map((m) => m.month)).toHaveLength(12);
    const byClass = Object.fromEntries(messages.repliesWithinPromise.classes.map((c) => [c.classId, c.cell?.counted]));
    expect(byClass).toEqual({ [f.classA]: 2, [f.classB]: 0 });
    expect(messages.repliesWithinPromise.grades.every((g) => g.cell !== null)).toBe(true);
  });

  it('counts nothing in a school year without messages', async () => {
    const { messages } = await figures('leader', '?schoolYear=2025');
    expect(messages.repliesWithinPromise.school).toEqual({ counted: 0, kept: 0, share: null });
    expect(messages.timeToAnswer.school).toEqual({ answered: 0, medianWorkingHours: null });
  });

  it('shows the board aggregates only: a cell about fewer than five children reads "too few"', async () => {
    const small = await figures('boardMember');
    expect(small.audience).toBe('board');
    expect(small.messages.repliesWithinPromise.school).toBeNull();
    expect(small.messages.timeToAnswer.school).toBeNull();
    // A month or class with nothing in it names no one and shows its zero.
    expect(small.messages.repliesWithinPromise.months.find((m) => m.month === '2026-09')?.cell?.counted).toBe(0);

    // Five more children of 3.A with a promise each that fell due on Thursday: now enough.
    const now = t.clock.now();
    for (let i = 0; i < 5; i++) {
      const student = await t.deps.db
        .insertInto('students')
        .values({
          school_id: f.schoolId,
          external_id: `fig-${i}`,
          given_name: `Barn${i}`,
          family_name: 'Test',
          class_id: f.classA,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const thread = await t.deps.db
        .insertInto('message_threads')
        .values({
          school_id: f.schoolId,
          student_id: student.id,
          subject: `Spørgsmål ${i}`,
          created_by: f.people.custodyGuardian!,
          created_at: new Date(now.getTime() - 4 * 24 * HOUR),
          last_message_at: new Date(now.getTime() - 4 * 24 * HOUR),
          reply_due_at: new Date(now.getTime() - 12 * HOUR),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.deps.db
        .insertInto('reply_promises')
        .values({
          school_id: f.schoolId,
          thread_id: thread.id,
          opened_at: new Date(now.getTime() - 4 * 24 * HOUR),
          due_at: new Date(now.getTime() - 12 * HOUR),
        })
        .execute();
    }
    const board = await figures('boardMember');
    expect(board.messages.repliesWithinPromise.school).toEqual({ counted: 7, kept: 1, share: 1 / 7 });
    const classA = board.messages.repliesWithinPromise.classes.find((c) => c.classId === f.classA);
    expect(classA?.cell).toEqual({ counted: 7, kept: 1, share: 1 / 7 });
    // Only one answer was given: its time would point at one family.
    expect(board.messages.timeToAnswer.school).toBeNull();
    // The leadership sees the same counts.
    expect((await figures()).messages.repliesWithinPromise.school).toEqual({ counted: 7, kept: 1, share: 1 / 7 });
  });
});

describe("the principle's figure for households reached", () => {
  let t: TestApp;
  let f: Fixture;
  const figures = async (actor: ActorName = 'leader'): Promise<TPrincipleFigures> => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/principle-figures`,
      as: f.users[actor],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TPrincipleFigures;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  it('counts each home once, reached when a guardian read a message or the home booked or held a conference', async () => {
    // Emma's two homes (Mette's, Sara's) and Ali's; Kim is suspended and the § 23 parent is not a home of the child.
    // Mette read her thread on 20 November; no one else has been reached.
    const before = (await figures()).homes;
    expect(before.householdsReached.school).toEqual({ counted: 3, kept: 1, share: 1 / 3 });
    const byClass = Object.fromEntries(before.householdsReached.classes.map((c) => [c.classId, c.cell]));
    expect(byClass[f.classA]).toEqual({ counted: 2, kept: 1, share: 0.5 });
    expect(byClass[f.classB]).toEqual({ counted: 1, kept: 0, share: 0 });
    expect(before.householdsReached.months.find((m) => m.month === '2026-11')?.cell).toMatchObject({ kept: 1 });
    expect(before.householdsReached.months.find((m) => m.month === '2026-10')?.cell).toMatchObject({ kept: 0 });
    const equity = Object.fromEntries(before.equity.map((e) => [e.group, e.cell]));
    expect(equity).toEqual({
      danish: { counted: 3, kept: 1, share: 1 / 3 },
      otherLanguage: { counted: 0, kept: 0, share: null },
      oneHome: { counted: 1, kept: 0, share: 0 },
      twoHomes: { counted: 2, kept: 1, share: 0.5 },
    });

    // Ali writes to the school about his child: he has read what he wrote, and his home is reached.
    const res = await t.request({
      method: 'POST',
      url: '/api/threads',
      as: f.users.otherFamilyGuardian,
      payload: { studentId: f.otherStudent, subject: 'Svømning', body: 'Hvornår starter svømning?' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await figures()).homes;
    expect(after.householdsReached.school).toEqual({ counted: 3, kept: 2, share: 2 / 3 });
    expect(after.equity.find((e) => e.group === 'oneHome')?.cell).toEqual({ counted: 1, kept: 1, share: 1 });
  });

  it('shows the board "too few" for fewer than five homes', async () => {
    const board = (await figures('boardMember')).homes;
    expect(board.householdsReached.school).toBeNull();
    expect(board.equity.every((e) => e.cell === null || e.cell.counted === 0)).toBe(true);
  });
});

describe('the conference figures against the principle in force', () => {
  let t: TestApp;
  let f: Fixture;

  /** A sent round for 5.B on one afternoon, with Ali's invitation for his child, sent on `sentOn`. */
  const roundWithInvitation = async (kind: 'regular' | 'needs_based', day: string, sentOn: string) => {
    const db = t.deps.db;
    const round = await db
      .insertInto('conference_rounds')
      .values({
        school_id: f.schoolId,
        name: `Samtaler ${day}`,
        kind,
        status: 'open',
        minutes_by_grade: JSON.stringify({ '5': 20 }),
        also_taking_part: JSON.stringify([]),
        formats: JSON.stringify(['in_person']),
        invite_on: sentOn,
        created_by: f.people.otherClassTeacher!,
        created_at: new Date(`${sentOn}T08:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('conference_round_classes')
      .values({ school_id: f.schoolId, round_id: round.id, class_id: f.classB, room: null })
      .execute();
    await db
      .insertInto('conference_round_days')
      .values({ school_id: f.schoolId, round_id: round.id, date: day, starts_at: '14:00', ends_at: '16:00' })
      .execute();
    return db
      .insertInto('conference_invitations')
      .values({
        school_id: f.schoolId,
        round_id: round.id,
        student_id: f.otherStudent,
        class_id: f.classB,
        household_key: `person:${f.people.otherFamilyGuardian}`,
        created_at: new Date(`${sentOn}T08:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  };
  const conferences = async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/principle-figures`,
      as: f.users.leader,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TPrincipleFigures).conferences;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    // Seed 002 from 1 November: invitations 21 days ahead, two conferences a year, one of them needs-based.
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  it('measures each invitation against the lead time in force when it went out, and a needs-based round asks one more of its students', async () => {
    // Sent 2 November for 20 November: 18 days, late against the 21 then in force.
    const regular = await roundWithInvitation('regular', '2026-11-20', '2026-11-02');
    // Sent 20 October, before the board had adopted any principle: nothing was promised.
    const needsBased = await roundWithInvitation('needs_based', '2026-11-10', '2026-10-20');
    await t.deps.db
      .updateTable('conference_invitations')
      .set({ held_at: new Date('2026-11-10T14:00:00Z') })
      .where('id', '=', needsBased.id)
      .execute();
    // Today the board adopts 14 days' notice: the November invitation would have been in time under it.
    await adoptPreset(t.deps.db, {
      schoolId: f.schoolId,
      presetId: 'seed-002',
      adoptedOn: '2026-11-23',
      adoptedBy: 'Skolebestyrelsen',
      recordedBy: null,
      now: TEST_NOW,
      adjust: (p) => ({ ...p, conferences: { ...p.conferences, invitationLeadDays: 14 } }),
    });

    const before = await conferences();
    expect(before.invitationLeadDays).toBe(14);
    // Emma's invitation (sent today for 16 December) has a deadline still to come.
    expect(before.invitationsInGoodTime.school).toEqual({ counted: 1, kept: 0, share: 0 });
    // Ali's child was in the needs-based round: two conferences are asked of him, one is held.
    const classB = () => before.conferencesHeld.classes.find((c) => c.classId === f.classB)?.cell;
    expect(classB()).toEqual({ counted: 1, kept: 0, share: 0 });

    await t.deps.db
      .updateTable('conference_invitations')
      .set({ held_at: new Date('2026-11-20T14:00:00Z') })
      .where('id', '=', regular.id)
      .execute();
    const after = await conferences();
    expect(after.conferencesHeld.classes.find((c) => c.classId === f.classB)?.cell).toEqual({
      counted: 1,
      kept: 1,
      share: 1,
    });
  });
});

describe('the conference figures for a needs-based round that names its students', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    await adoptTestPrinciple(t.deps.db, f.schoolId);
  });
  afterAll(() => t.close());

  it('counts the round only for the students it names and invited, not for their classmates', async () => {
    // A classmate of Yusuf's in 5.B, with a custody holder who could be invited.
    const classmate = (
      await t.deps.db
        .insertInto('students')
        .values({
          school_id: f.schoolId,
          external_id: 's-figures-classmate',
          user_id: null,
          given_name: 'Sofie',
          family_name: 'Lund',
          class_id: f.classB,
          birth_date: '2015-03-03',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const parent = await t.deps.db
      .insertInto('people')
      .values({
        school_id: f.schoolId,
        external_id: 'p-figures-classmate-parent',
        user_id: null,
        given_name: 'Lone',
        family_name: 'Lund',
        email: 'lone.lund@example.test',
        phone: null,
        household_id: null,
        suspended_reason: null,
        contact_hours: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('guardianships')
      .values({ school_id: f.schoolId, student_id: classmate, person_id: parent.id, kind: 'custody' })
      .execute();
    const made = await t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/conference-rounds`,
      as: f.users.leader,
      payload: {
        name: 'Behovssamtaler 5.B',
        kind: 'needs_based',
        classIds: [f.classB],
        studentIds: [f.otherStudent],
        days: [{ date: '2026-12-16', from: '14:00', to: '16:00' }],
        minutesByGrade: { '5': 20 },
        alsoTakingPart: [],
        formats: ['in_person'],
        videoLink: null,
        rooms: {},
        inviteOn: '2026-11-23',
        plansBy: null,
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const opened = await t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/conference-rounds/${made.json().id}/open`,
      as: f.users.leader,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const res = await t.request({
      method: 'GET',
      url: `/api/schools/${f.schoolId}/principle-figures`,
      as: f.users.leader,
    });
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json() as TPrincipleFigures;
    // Yusuf alone is asked for a conference in 5.B: Sofie was not in the round.
    expect(figures.conferences.conferencesHeld.classes.find((c) => c.classId === f.classB)?.cell).toEqual({
      counted: 1,
      kept: 0,
      share: 0,
    });
  });
});
