import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SchoolRole } from '../db/schema.js';
import { EMPTY_MEMBERSHIP, type Membership } from '../policies/membership.js';
import {
  mayAcknowledgeInThread,
  mayMarkUrgentInThread,
  mayReadThread,
  mayReplyInThread,
  mayWriteAboutStudent,
  runsTheSchool,
  type ThreadAccess,
} from '../policies/rules.js';
import { workingDaysLate } from './thread-read.service.js';

const arbMembership: fc.Arbitrary<Membership> = fc
  .record({
    roles: fc.subarray<SchoolRole>(['leader', 'administrator', 'teacher', 'pedagogue', 'board_member']),
    suspended: fc.boolean(),
    guardianOf: fc.array(
      fc.tuple(fc.constantFrom('s1', 's2'), fc.constantFrom('custody' as const, 'information_right' as const)),
      { maxLength: 2 },
    ),
  })
  .map((r) => ({
    ...EMPTY_MEMBERSHIP('school', 'user'),
    personId: 'p1',
    roles: new Set(r.roles),
    suspended: r.suspended,
    // As loadMembership does: a suspended guardian's relations are not loaded.
    guardianOf: r.suspended ? new Map() : new Map(r.guardianOf),
  }));

const arbAccess: fc.Arbitrary<ThreadAccess> = fc.record({
  participantRole: fc.constantFrom('guardian' as const, 'staff' as const, null),
  studentId: fc.constantFrom('s1', 's2', null),
});

describe('thread rules', () => {
  it('never lets a suspended guardian write about a child or read as a guardian', () => {
    fc.assert(
      fc.property(arbMembership, arbAccess, (m, thread) => {
        if (!m.suspended) return;
        expect(mayWriteAboutStudent(m, 's1')).toBe(false);
        if (thread.participantRole === 'guardian') expect(mayReplyInThread(m, thread)).toBe(false);
      }),
    );
  });

  it('lets no one outside the thread read, answer or acknowledge it but the leadership', () => {
    fc.assert(
      fc.property(arbMembership, arbAccess, (m, thread) => {
        if (thread.participantRole !== null) return;
        expect(mayReadThread(m, thread)).toBe(runsTheSchool(m));
        expect(mayReplyInThread(m, thread)).toBe(runsTheSchool(m));
        expect(mayAcknowledgeInThread(m, thread)).toBe(runsTheSchool(m));
      }),
    );
  });

  it('lets only staff mark a message urgent: staff in the thread, or the leadership answering it', () => {
    fc.assert(
      fc.property(arbMembership, arbAccess, (m, thread) => {
        const expected = thread.participantRole === 'staff' || (thread.participantRole === null && runsTheSchool(m));
        expect(mayMarkUrgentInThread(m, thread)).toBe(expected);
      }),
    );
  });

  it('keeps a guardian in a thread about a child only while still that child’s guardian', () => {
    fc.assert(
      fc.property(arbMembership, fc.constantFrom('s1', 's2'), (m, studentId) => {
        expect(mayReplyInThread(m, { participantRole: 'guardian', studentId })).toBe(m.guardianOf.has(studentId));
        expect(mayAcknowledgeInThread(m, { participantRole: 'guardian', studentId })).toBe(false);
      }),
    );
  });
});

describe('working days late', () => {
  const calendar = { closedDays: new Set(['2026-11-30']) };
  const dueThursday = new Date('2026-11-26T22:59:59.999Z');

  it('counts the working days after the due day, up to today', () => {
    expect(workingDaysLate(dueThursday, new Date('2026-11-26T22:00:00Z'), calendar)).toBe(0);
    expect(workingDaysLate(dueThursday, new Date('2026-11-27T08:00:00Z'), calendar)).toBe(1);
    expect(workingDaysLate(dueThursday, new Date('2026-11-29T12:00:00Z'), calendar)).toBe(1);
    // Monday 30 November is a closed day: Tuesday is the second working day late.
    expect(workingDaysLate(dueThursday, new Date('2026-11-30T12:00:00Z'), calendar)).toBe(1);
    expect(workingDaysLate(dueThursday, new Date('2026-12-01T12:00:00Z'), calendar)).toBe(2);
  });
});
