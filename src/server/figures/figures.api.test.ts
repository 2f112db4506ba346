import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
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
