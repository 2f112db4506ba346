import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { SchoolRole } from '../db/schema.js';
import { adoptPreset } from '../principle/principle.service.js';
import { syncStudentPeople } from '../directory-import/directory-import.repository.js';
import { TEST_NOW } from './test-app.js';

/**
 * A small school with one of every kind of actor the law distinguishes, used by the
 * authorization matrix and the API tests. Student `ownStudent` (class 3.A) is "own family" for
 * the guardians below; `otherStudent` (class 5.B) belongs to another family.
 */
export interface Fixture {
  schoolId: string;
  otherSchoolId: string;
  classA: string;
  classB: string;
  ownStudent: string;
  otherStudent: string;
  /** An open § 23 request from `informationRightParent` about `ownStudent`. */
  informationRequest: string;
  /** A message thread from `custodyGuardian` to 3.A's contact teacher about `ownStudent`. */
  thread: string;
  /** A promise reminder for 3.A's contact teacher about `thread`. */
  notification: string;
  /** A PDF attached to the first message of `thread`. */
  attachment: string;
  /** An upload of `custodyGuardian`'s not yet sent. */
  pendingAttachment: string;
  /** A conference round for 3.A made by its contact teacher, still a draft. */
  round: string;
  /** An open round for 3.A (16 December 14:00–15:00, 15 minutes) with Mette's household invited for Emma. */
  bookingRound: string;
  /** That invitation: `custodyGuardian`'s to book. */
  invitation: string;
  /** An open agreement for the home about Emma, made at that conference, due 10 January 2027. */
  agreement: string;
  /** A national test result of Emma's recorded by 3.A's contact teacher and sent to her custody holders. */
  testResult: string;
  /** A concern about Emma's well-being, registered by 3.A's contact teacher, not yet followed by a contact. */
  concern: string;
  /** 3.A's parent meeting on 10 December 19:00–21:00, planned by its contact teacher, both of Emma's custody homes invited. */
  parentMeeting: string;
  /** 3.A's Christmas crafts afternoon on 10 December, by its contact teacher, with sign-up open. */
  event: string;
  /** Its volunteer slot "Bag en kage", needing three households, none taken. */
  eventSlot: string;
  /** A class letter of 3.A's, published by its contact teacher. */
  classLetter: string;
  users: Record<ActorName, string | null>;
  people: Partial<Record<ActorName, string>>;
}

export const ACTORS = [
  'anonymous',
  'custodyGuardian',
  'informationRightParent',
  'suspendedGuardian',
  'protectedGuardian',
  'otherFamilyGuardian',
  'student',
  'contactTeacher',
  'otherClassTeacher',
  'leader',
  'administrator',
  'boardMember',
  'otherSchoolLeader',
] as const;
export type ActorName = (typeof ACTORS)[number];

async function user(db: Db, email: string, name: string): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ email, name, password_hash: null, oidc_issuer: null, oidc_subject: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function person(
  db: Db,
  schoolId: string,
  externalId: string,
  userId: string | null,
  given: string,
  family: string,
  extra: { roles?: SchoolRole[]; suspended?: boolean; addressProtected?: boolean; householdId?: string } = {},
): Promise<string> {
  const row = await db
    .insertInto('people')
    .values({
      school_id: schoolId,
      external_id: externalId,
      user_id: userId,
      given_name: given,
      family_name: family,
      email: null,
      phone: null,
      household_id: extra.householdId ?? null,
      suspended: extra.suspended ?? false,
      suspended_reason: extra.suspended ? 'Fixture' : null,
      address_protected: extra.addressProtected ?? false,
      contact_hours: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const role of extra.roles ?? []) {
    await db.insertInto('person_roles').values({ school_id: schoolId, person_id: row.id, role }).execute();
  }
  return row.id;
}

export async function createFixture(db: Db): Promise<Fixture> {
  const school = await db
    .insertInto('schools')
    .values({ slug: 'fixture-skole', name: 'Fixture Skole', municipality: 'Testkommune' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const other = await db
    .insertInto('schools')
    .values({ slug: 'anden-skole', name: 'Anden Skole', municipality: 'Testkommune' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const schoolId = school.id;
  const classA = (
    await db
      .insertInto('classes')
      .values({ school_id: schoolId, external_id: '3A', grade: 3, letter: 'A' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const classB = (
    await db
      .insertInto('classes')
      .values({ school_id: schoolId, external_id: '5B', grade: 5, letter: 'B' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const household = (
    await db
      .insertInto('households')
      .values({
        school_id: schoolId,
        external_id: 'h1',
        address_line: 'Skolevej 1',
        postal_code: '7100',
        city: 'Vejle',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const protectedHousehold = (
    await db
      .insertInto('households')
      .values({
        school_id: schoolId,
        external_id: 'h2',
        address_line: 'Hemmelig Allé 9',
        postal_code: '7100',
        city: 'Vejle',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const users = {} as Record<ActorName, string | null>;
  users.anonymous = null;
  for (const name of ACTORS.slice(1)) users[name] = await user(db, `${name.toLowerCase()}@fixture.samspil.dk`, name);

  const people: Partial<Record<ActorName, string>> = {};
  people.custodyGuardian = await person(db, schoolId, 'p-custody', users.custodyGuardian, 'Mette', 'Hansen', {
    householdId: household,
  });
  people.informationRightParent = await person(
    db,
    schoolId,
    'p-inforight',
    users.informationRightParent,
    'Lars',
    'Hansen',
  );
  people.suspendedGuardian = await person(db, schoolId, 'p-suspended', users.suspendedGuardian, 'Kim', 'Hansen', {
    suspended: true,
  });
  people.protectedGuardian = await person(db, schoolId, 'p-protected', users.protectedGuardian, 'Sara', 'Hansen', {
    addressProtected: true,
    householdId: protectedHousehold,
  });
  people.otherFamilyGuardian = await person(db, schoolId, 'p-other', users.otherFamilyGuardian, 'Ali', 'Hassan');
  people.contactTeacher = await person(db, schoolId, 'p-contact', users.contactTeacher, 'Birgitte', 'Lund', {
    roles: ['teacher'],
  });
  people.otherClassTeacher = await person(db, schoolId, 'p-teacher-b', users.otherClassTeacher, 'Jens', 'Møller', {
    roles: ['teacher'],
  });
  people.leader = await person(db, schoolId, 'p-leader', users.leader, 'Hanne', 'Skov', { roles: ['leader'] });
  people.administrator = await person(db, schoolId, 'p-admin', users.administrator, 'Ole', 'Kontor', {
    roles: ['administrator'],
  });
  people.boardMember = await person(db, schoolId, 'p-board', users.boardMember, 'Tove', 'Bestyrelse', {
    roles: ['board_member'],
  });
  people.otherSchoolLeader = await person(
    db,
    other.id,
    'p-other-leader',
    users.otherSchoolLeader,
    'Erik',
    'Andenskole',
    { roles: ['leader'] },
  );

  const ownStudent = (
    await db
      .insertInto('students')
      .values({
        school_id: schoolId,
        external_id: 's1',
        user_id: users.student,
        given_name: 'Emma',
        family_name: 'Hansen',
        class_id: classA,
        birth_date: '2017-04-02',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const otherStudent = (
    await db
      .insertInto('students')
      .values({
        school_id: schoolId,
        external_id: 's2',
        user_id: null,
        given_name: 'Yusuf',
        family_name: 'Hassan',
        class_id: classB,
        birth_date: '2015-09-12',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // The signed-in student is a person of the school too, as the import makes every student with a login.
  await syncStudentPeople(db, schoolId);

  await db
    .insertInto('guardianships')
    .values([
      { school_id: schoolId, student_id: ownStudent, person_id: people.custodyGuardian, kind: 'custody' },
      { school_id: schoolId, student_id: ownStudent, person_id: people.protectedGuardian, kind: 'custody' },
      {
        school_id: schoolId,
        student_id: ownStudent,
        person_id: people.informationRightParent,
        kind: 'information_right',
      },
      { school_id: schoolId, student_id: ownStudent, person_id: people.suspendedGuardian, kind: 'custody' },
      { school_id: schoolId, student_id: otherStudent, person_id: people.otherFamilyGuardian, kind: 'custody' },
    ])
    .execute();
  await db
    .insertInto('class_staff')
    .values([
      { school_id: schoolId, class_id: classA, person_id: people.contactTeacher, role: 'contact_teacher' },
      { school_id: schoolId, class_id: classB, person_id: people.otherClassTeacher, role: 'contact_teacher' },
    ])
    .execute();

  // How guardians reach the contact teacher (shown on the child's profile).
  await db
    .updateTable('people')
    .set({ email: 'birgitte.lund@fixture.samspil.dk', phone: '+45 12 34 56 78', contact_hours: 'Man–tor 8–15' })
    .where('school_id', '=', schoolId)
    .where('id', '=', people.contactTeacher)
    .execute();
  const informationRequest = (
    await db
      .insertInto('information_requests')
      .values({
        school_id: schoolId,
        student_id: ownStudent,
        person_id: people.informationRightParent,
        message: 'Hvordan trives Emma i klassen?',
        created_at: new Date('2026-11-20T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const threadAt = new Date('2026-11-20T10:00:00Z');
  const thread = (
    await db
      .insertInto('message_threads')
      .values({
        school_id: schoolId,
        student_id: ownStudent,
        subject: 'Emmas madpakke',
        created_by: people.custodyGuardian,
        created_at: threadAt,
        last_message_at: threadAt,
        reply_due_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('thread_participants')
    .values([
      {
        school_id: schoolId,
        thread_id: thread,
        person_id: people.custodyGuardian,
        role: 'guardian',
        last_read_at: threadAt,
      },
      { school_id: schoolId, thread_id: thread, person_id: people.contactTeacher, role: 'staff', last_read_at: null },
    ])
    .execute();
  const message = (
    await db
      .insertInto('messages')
      .values({
        school_id: schoolId,
        thread_id: thread,
        author_id: people.custodyGuardian,
        body: 'Emma har glemt sin madpakke i dag.',
        created_at: threadAt,
        idempotency_key: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const attachmentOf = async (messageId: string | null, fileName: string) =>
    (
      await db
        .insertInto('attachments')
        .values({
          school_id: schoolId,
          uploaded_by: people.custodyGuardian!,
          message_id: messageId,
          content_type: 'application/pdf',
          file_name: fileName,
          size: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          content: pdf,
          created_at: threadAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const attachment = await attachmentOf(message, 'madplan.pdf');
  const pendingAttachment = await attachmentOf(null, 'udkast.pdf');

  const round = (
    await db
      .insertInto('conference_rounds')
      .values({
        school_id: schoolId,
        name: 'Skole-hjem-samtaler 3.A',
        kind: 'regular',
        minutes_by_grade: JSON.stringify({ '3': 15 }),
        also_taking_part: JSON.stringify([]),
        formats: JSON.stringify(['in_person']),
        invite_on: '2026-11-23',
        created_by: people.contactTeacher,
        created_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('conference_round_classes')
    .values({ school_id: schoolId, round_id: round, class_id: classA, room: 'Lokale 12' })
    .execute();
  await db
    .insertInto('conference_round_days')
    .values({ school_id: schoolId, round_id: round, date: '2026-12-15', starts_at: '14:00', ends_at: '17:00' })
    .execute();

  const bookingRound = (
    await db
      .insertInto('conference_rounds')
      .values({
        school_id: schoolId,
        name: 'Ekstra samtaler 3.A',
        kind: 'regular',
        status: 'open',
        minutes_by_grade: JSON.stringify({ '3': 15 }),
        also_taking_part: JSON.stringify([]),
        formats: JSON.stringify(['in_person']),
        invite_on: '2026-11-23',
        created_by: people.contactTeacher,
        created_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('conference_round_classes')
    .values({ school_id: schoolId, round_id: bookingRound, class_id: classA, room: null })
    .execute();
  await db
    .insertInto('conference_round_days')
    .values({ school_id: schoolId, round_id: bookingRound, date: '2026-12-16', starts_at: '14:00', ends_at: '15:00' })
    .execute();
  const invitation = (
    await db
      .insertInto('conference_invitations')
      .values({
        school_id: schoolId,
        round_id: bookingRound,
        student_id: ownStudent,
        class_id: classA,
        household_key: household,
        created_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('conference_invitation_guardians')
    .values({ school_id: schoolId, invitation_id: invitation, person_id: people.custodyGuardian! })
    .execute();

  const agreement = (
    await db
      .insertInto('conference_agreements')
      .values({
        school_id: schoolId,
        student_id: ownStudent,
        invitation_id: invitation,
        owner: 'home',
        text: 'Læse 20 minutter hver aften',
        due_on: '2027-01-10',
        created_by: people.contactTeacher!,
        created_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const testResult = (
    await db
      .insertInto('test_results')
      .values({
        school_id: schoolId,
        student_id: ownStudent,
        kind: 'national',
        test_name: 'Dansk, læsning',
        taken_on: '2026-11-10',
        result: 'Emma læser som de fleste i 3. klasse.',
        meaning: 'Hun er godt med i læsning.',
        next_steps: 'Vi fortsætter med læsebånd hver morgen.',
        recorded_by: people.contactTeacher!,
        recorded_at: TEST_NOW,
        sent_at: TEST_NOW,
        sent_by: people.contactTeacher!,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('test_result_deliveries')
    .values(
      [people.custodyGuardian!, people.protectedGuardian!].map((personId) => ({
        school_id: schoolId,
        test_result_id: testResult,
        person_id: personId,
        emailed: false,
        delivered_at: TEST_NOW,
      })),
    )
    .execute();

  const concern = (
    await db
      .insertInto('concerns')
      .values({
        school_id: schoolId,
        student_id: ownStudent,
        kind: 'well_being',
        text: 'Emma har siddet alene i frikvartererne hele ugen.',
        registered_by: people.contactTeacher!,
        registered_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const parentMeeting = (
    await db
      .insertInto('parent_meetings')
      .values({
        school_id: schoolId,
        class_id: classA,
        date: '2026-12-10',
        starts_at: '19:00',
        ends_at: '21:00',
        place: 'Klasselokalet',
        created_by: people.contactTeacher!,
        created_at: TEST_NOW,
        invited_at: TEST_NOW,
        invited_by: people.contactTeacher!,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('parent_meeting_households')
    .values(
      [household, protectedHousehold].map((key) => ({
        school_id: schoolId,
        meeting_id: parentMeeting,
        household_key: key,
        invited_at: TEST_NOW,
      })),
    )
    .execute();
  const event = (
    await db
      .insertInto('events')
      .values({
        school_id: schoolId,
        class_id: classA,
        title: 'Juleklip i 3.A',
        description: 'Vi klipper julepynt og spiser æbleskiver.',
        date: '2026-12-10',
        starts_at: '16:00',
        ends_at: '18:00',
        place: 'Klasselokalet',
        well_being: true,
        sign_up: true,
        sign_up_deadline: '2026-12-08',
        capacity: null,
        created_by: people.contactTeacher!,
        created_at: TEST_NOW,
        idempotency_key: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const eventSlot = (
    await db
      .insertInto('event_slots')
      .values({ school_id: schoolId, event_id: event, position: 0, title: 'Bag en kage', needed: 3 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const classLetter = (
    await db
      .insertInto('class_letters')
      .values({
        school_id: schoolId,
        class_id: classA,
        title: 'Ugebrev uge 47',
        body_html: '<p>I denne uge har vi læst om vikingerne.</p>',
        status: 'published',
        // The Friday before: outside the days the digest tests count.
        published_at: new Date('2026-11-20T12:00:00Z'),
        written_by: people.contactTeacher!,
        created_at: TEST_NOW,
        updated_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const notification = (
    await db
      .insertInto('notifications')
      .values({
        school_id: schoolId,
        person_id: people.contactTeacher,
        kind: 'promise-reminder',
        thread_id: thread,
        title: 'Husk at svare: Emmas madpakke',
        body: 'Svar senest onsdag 25. november.',
        created_at: threadAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  return {
    schoolId,
    otherSchoolId: other.id,
    classA,
    classB,
    ownStudent,
    otherStudent,
    informationRequest,
    thread,
    notification,
    attachment,
    pendingAttachment,
    round,
    bookingRound,
    invitation,
    agreement,
    testResult,
    concern,
    parentMeeting,
    event,
    eventSlot,
    classLetter,
    users,
    people,
  };
}

/**
 * The fixture school's board has adopted seed 002's principle on 1 November 2026, so messages carry
 * its promise (an answer within 3 working days) and staff its quiet hours.
 */
export async function adoptTestPrinciple(db: Db, schoolId: string): Promise<void> {
  await adoptPreset(db, {
    schoolId,
    presetId: 'seed-002',
    adoptedOn: '2026-11-01',
    adoptedBy: 'Skolebestyrelsen',
    recordedBy: null,
    now: TEST_NOW,
  });
}
