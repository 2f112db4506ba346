import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_NOW, type TestApp } from '../testing/test-app.js';
import { createFixture, type ActorName, type Fixture } from '../testing/fixture.js';
import { syncStudentPeople } from '../directory-import/directory-import.repository.js';
import type { TClassLetter, TClassLetterFeed, TClassLetterList } from '../../shared/api/class-letter.schema.js';

const HOUR = 3_600_000;
/** 3.A's letters in this test: more than a class's page shows (50). */
const LETTERS = 60;

/**
 * Reading class letters in bulk and by whom (issue 12, point 1). 3.A has 60 published letters, a
 * draft and a cancelled one, and five homes: Mette's, Sara's (protected), a household of two
 * guardians with two children in the class, a single guardian without a household, and a
 * guardian with children in 3.A and 5.B. Their reads are spread so that each letter's count of
 * households is known; the reads that must not count (a suspended guardian, a § 23 parent, a
 * guardian's read of another class's letter) are there too. Then the letters' images and files:
 * exactly those who may read the letter get them, everyone else the 404 of an unknown id.
 */
describe('class letters: many letters listed, and who reads their files', () => {
  let t: TestApp;
  let f: Fixture;
  /** 3.A's published letters, newest first: letterIds[i - 1] is letter number i. */
  const letterIds: string[] = [];
  let draft: string;
  let cancelled: string;
  const files = new Map<string, string[]>();
  let twoHomesGuardian: string;
  let studentOf5B: string;
  let studentWithoutPerson: string;

  const get = (as: string | null, path: string) =>
    t.request({ method: 'GET', url: path.startsWith('/api/') ? path : `/api/schools/${f.schoolId}${path}`, as });
  const by = (actor: ActorName) => f.users[actor];

  /** Households of 3.A that have read letter number i (see the reads below). */
  const readHomes = (i: number) =>
    [i % 2 === 0 || i % 3 === 0, i % 5 === 0, i % 7 === 0, i % 11 === 0].filter(Boolean).length;

  const attach = async (letterId: string | null, name: string, contentType: string) => {
    const bytes = Buffer.from(name);
    const row = await t.deps.db
      .insertInto('attachments')
      .values({
        school_id: f.schoolId,
        uploaded_by: f.people.contactTeacher!,
        message_id: null,
        class_letter_id: letterId,
        content_type: contentType,
        file_name: name,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        created_at: TEST_NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (letterId) files.set(letterId, [...(files.get(letterId) ?? []), row.id]);
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    const db = t.deps.db;
    const schoolId = f.schoolId;
    const person = async (externalId: string, householdId: string | null) =>
      (
        await db
          .insertInto('people')
          .values({
            school_id: schoolId,
            external_id: externalId,
            given_name: 'Forælder',
            family_name: externalId,
            household_id: householdId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const student = async (externalId: string, classId: string, userId: string | null = null) =>
      (
        await db
          .insertInto('students')
          .values({
            school_id: schoolId,
            external_id: externalId,
            given_name: 'Barn',
            family_name: externalId,
            class_id: classId,
            user_id: userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const household = (
      await db
        .insertInto('households')
        .values({ school_id: schoolId, external_id: 'h-jensen' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const jensen1 = await person('g-jensen-1', household);
    const jensen2 = await person('g-jensen-2', household);
    const single = await person('g-single', null);
    twoHomesGuardian = await person('g-two-classes', null);
    const siblingOne = await student('s-jensen-1', f.classA);
    const siblingTwo = await student('s-jensen-2', f.classA);
    const singles = await student('s-single', f.classA);
    const inA = await student('s-two-a', f.classA);
    await db
      .insertInto('guardianships')
      .values(
        [
          [siblingOne, jensen1],
          [siblingOne, jensen2],
          [siblingTwo, jensen1],
          [siblingTwo, jensen2],
          [singles, single],
          [inA, twoHomesGuardian],
          [f.otherStudent, twoHomesGuardian],
        ].map(([studentId, personId]) => ({
          school_id: schoolId,
          student_id: studentId!,
          person_id: personId!,
          kind: 'custody' as const,
        })),
      )
      .execute();
    // A 5.B student with a login, and a 3.A student whose login has no person record.
    const user = async (email: string) =>
      (
        await db
          .insertInto('users')
          .values({ email, name: email, password_hash: null, oidc_issuer: null, oidc_subject: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    studentOf5B = await user('elev-5b@fixture.samspil.dk');
    await db.updateTable('students').set({ user_id: studentOf5B }).where('id', '=', f.otherStudent).execute();
    await syncStudentPeople(db, schoolId);
    studentWithoutPerson = await user('elev-uden-person@fixture.samspil.dk');
    await student('s-no-person', f.classA, studentWithoutPerson);

    const letter = async (classId: string, title: string, status: 'published' | 'draft' | 'cancelled', at: Date) =>
      (
        await db
          .insertInto('class_letters')
          .values({
            school_id: schoolId,
            class_id: classId,
            title,
            body_html: `<p>${title}</p>`,
            status,
            published_at: status === 'published' ? at : null,
            written_by: f.people.contactTeacher!,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    // Letter number i was published i hours before now; the draft and the cancelled one are newer.
    for (let i = 1; i <= LETTERS; i++) {
      letterIds.push(await letter(f.classA, `Brev ${i}`, 'published', new Date(TEST_NOW.getTime() - i * HOUR)));
    }
    draft = await letter(f.classA, 'Kladde', 'draft', TEST_NOW);
    cancelled = await letter(f.classA, 'Aflyst', 'cancelled', TEST_NOW);
    const letterOf5B = await letter(f.classB, 'Brev fra 5.B', 'published', new Date(TEST_NOW.getTime() - HOUR / 2));

    const reads: Array<{ letterId: string; personId: string }> = [];
    letterIds.forEach((letterId, index) => {
      const i = index + 1;
      const readers = [
        i % 2 === 0 ? jensen1 : null,
        i % 3 === 0 ? jensen2 : null, // the same household as jensen1: counted once
        i % 5 === 0 ? single : null,
        i % 7 === 0 ? f.people.custodyGuardian! : null,
        i % 11 === 0 ? twoHomesGuardian : null,
        // Reads that never count: a suspended custody holder, a parent with the right to information only.
        f.people.suspendedGuardian!,
        i % 4 === 0 ? f.people.informationRightParent! : null,
      ];
      for (const personId of readers) if (personId) reads.push({ letterId, personId });
    });
    // Reading 5.B's letter counts for 5.B, not for 3.A.
    reads.push({ letterId: letterOf5B, personId: twoHomesGuardian });
    await db
      .insertInto('class_letter_reads')
      .values(
        reads.map((r) => ({ school_id: schoolId, letter_id: r.letterId, person_id: r.personId, read_at: TEST_NOW })),
      )
      .execute();

    for (const [i, letterId] of letterIds.entries()) {
      if (i % 10 === 0) {
        await attach(letterId, `billede-${i + 1}.png`, 'image/png');
        await attach(letterId, `plan-${i + 1}.pdf`, 'application/pdf');
      }
    }
    await attach(draft, 'kladde.png', 'image/png');
    await attach(null, 'ikke-sendt.pdf', 'application/pdf');
  });
  afterAll(() => t.close());

  it("lists the newest 50 of many letters for 3.A's staff, each with its households' reads and the start of its words", async () => {
    for (const actor of ['contactTeacher', 'leader'] as const) {
      const res = await get(by(actor), `/classes/${f.classA}/letters`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json<TClassLetterList>();
      expect(list.mayWrite).toBe(true);
      // The draft first (its time is its writing), then the published by their day; never the cancelled.
      expect(list.letters.map((l) => l.title)).toEqual([
        'Kladde',
        ...Array.from({ length: 49 }, (_, i) => `Brev ${i + 1}`),
      ]);
      expect(list.letters.some((l) => l.id === cancelled)).toBe(false);
      expect(list.letters[0]).toMatchObject({ status: 'draft', mayEdit: true, reads: { households: 5, read: 0 } });
      for (const [index, letter] of list.letters.slice(1).entries()) {
        const i = index + 1;
        expect(letter.id).toBe(letterIds[index]);
        expect({ i, ...letter.reads }).toEqual({ i, households: 5, read: readHomes(i) });
        // A list carries the start of the words, not the text and files the letter's page has.
        expect(letter.excerpt).toBe(letter.title);
        expect(Object.keys(letter)).not.toContain('bodyHtml');
        expect(Object.keys(letter)).not.toContain('attachments');
        expect(letter.readAt).toBeNull();
        expect(letter.mayEdit).toBe(false);
      }
      // Among them: a letter no home has read, one read by both guardians of one household (one home), one by two homes.
      expect(list.letters.find((l) => l.title === 'Brev 1')!.reads).toEqual({ households: 5, read: 0 });
      expect(list.letters.find((l) => l.title === 'Brev 6')!.reads).toEqual({ households: 5, read: 1 });
      expect(list.letters.find((l) => l.title === 'Brev 30')!.reads).toEqual({ households: 5, read: 2 });
    }
  });

  it("lists 3.A's published letters for a home, with its own reads only", async () => {
    const res = await get(by('custodyGuardian'), `/classes/${f.classA}/letters`);
    const list = res.json<TClassLetterList>();
    expect(list.mayWrite).toBe(false);
    expect(list.letters.map((l) => l.title)).toEqual(Array.from({ length: 50 }, (_, i) => `Brev ${i + 1}`));
    expect(list.letters.every((l) => l.reads === null && l.status === 'published')).toBe(true);
    expect(list.letters.filter((l) => l.readAt !== null).map((l) => l.title)).toEqual([
      'Brev 7',
      'Brev 14',
      'Brev 21',
      'Brev 28',
      'Brev 35',
      'Brev 42',
      'Brev 49',
    ]);
    // The files are on the letter itself.
    const eleventh = await get(by('custodyGuardian'), `/class-letters/${letterIds[10]}`);
    expect(eleventh.json<TClassLetter>().attachments.map((a) => a.id)).toEqual(files.get(letterIds[10]!));
  });

  it("shows a student 3.A's published letters and the letter itself; their opening is not a home's", async () => {
    const list = (await get(by('student'), `/classes/${f.classA}/letters`)).json<TClassLetterList>();
    expect(list.letters).toHaveLength(50);
    expect(list.letters.every((l) => l.status === 'published' && l.reads === null)).toBe(true);
    expect(list.letters.every((l) => l.readAt === null)).toBe(true);
    const letter = await get(by('student'), `/class-letters/${letterIds[0]}`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.json<TClassLetter>()).toMatchObject({ title: 'Brev 1', reads: null, mayEdit: false });
    expect(letter.json<TClassLetter>().readAt).not.toBeNull();
    // Her own home page knows which letters are new to her.
    const feed = (await get(by('student'), '/class-letters/feed')).json<TClassLetterFeed>();
    expect(feed.letters.map((l) => [l.title, l.readAt !== null])).toEqual([
      ['Brev 1', true],
      ['Brev 2', false],
      ['Brev 3', false],
      ['Brev 4', false],
      ['Brev 5', false],
    ]);
    // A student's opening is not a household's reading.
    const staff = (await get(by('contactTeacher'), `/class-letters/${letterIds[0]}`)).json<TClassLetter>();
    expect(staff.reads).toEqual({ households: 5, read: 0 });
  });

  it("counts each class's homes apart: a guardian of children in 3.A and 5.B reads for each class its own letters", async () => {
    // 3.A's letters 11, 22, … count her home (above); 5.B's two homes are hers and the Hassans'.
    const list = (await get(by('leader'), `/classes/${f.classB}/letters`)).json<TClassLetterList>();
    expect(list.letters.map((l) => [l.title, l.reads])).toEqual([['Brev fra 5.B', { households: 2, read: 1 }]]);
  });

  const readers = (letterId: string) => ({
    image: `/api/attachments/${files.get(letterId)![0]}`,
    file: `/api/attachments/${files.get(letterId)![1]}`,
  });

  it("serves a published letter's image and file to exactly those who may read the letter", async () => {
    const { image, file } = readers(letterIds[0]!);
    const allowed: Array<[string, string | null]> = [
      ['custody holder', by('custodyGuardian')],
      ['custody holder with name and address protection', by('protectedGuardian')],
      ["the class's student", by('student')],
      ["the class's student whose login has no person record", studentWithoutPerson],
      ["the class's contact teacher", by('contactTeacher')],
      ['the leader', by('leader')],
      ['the administrator', by('administrator')],
    ];
    const refused: Array<[string, string | null]> = [
      ['a parent with the right to information only (§ 23: no automatic posts)', by('informationRightParent')],
      ['a suspended guardian', by('suspendedGuardian')],
      ["another class's family", by('otherFamilyGuardian')],
      ["another class's student", studentOf5B],
      ["another class's teacher", by('otherClassTeacher')],
      ['a board member', by('boardMember')],
      ["another school's leader", by('otherSchoolLeader')],
    ];
    for (const [who, userId] of allowed) {
      for (const path of [image, file]) {
        const res = await get(userId, path);
        expect({ who, path, status: res.statusCode }).toEqual({ who, path, status: 200 });
      }
      expect({ who, status: (await get(userId, `/class-letters/${letterIds[0]}`)).statusCode }).toEqual({
        who,
        status: 200,
      });
    }
    const unknown = await get(by('custodyGuardian'), `/api/attachments/${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    for (const [who, userId] of refused) {
      for (const path of [image, file]) {
        const res = await get(userId, path);
        expect({ who, path, status: res.statusCode }).toEqual({ who, path, status: 404 });
        expect(res.json().error.code).toBe(unknown.json().error.code);
      }
      expect({ who, status: (await get(userId, `/class-letters/${letterIds[0]}`)).statusCode }).toEqual({
        who,
        status: 404,
      });
    }
    expect((await get(null, image)).statusCode).toBe(401);
  });

  it("keeps a draft's image to the class's staff and the leadership", async () => {
    const image = `/api/attachments/${files.get(draft)![0]}`;
    for (const actor of ['contactTeacher', 'leader', 'administrator'] as const) {
      expect({ actor, status: (await get(by(actor), image)).statusCode }).toEqual({ actor, status: 200 });
    }
    for (const userId of [by('custodyGuardian'), by('protectedGuardian'), by('student'), studentWithoutPerson]) {
      expect((await get(userId, image)).statusCode).toBe(404);
      expect((await get(userId, `/class-letters/${draft}`)).statusCode).toBe(404);
    }
  });
});
