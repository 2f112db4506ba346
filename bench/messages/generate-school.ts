import type pg from 'pg';
import { createRandom, type Random } from '../../src/domain/random.js';
import { DANISH_NAMES, NAMES_BY_LANGUAGE, VEJLE_STREETS, type NamePool } from '../../src/server/demo/demo-names.js';
import { MESSAGE_NOTIFICATION_JOB } from '../../src/server/notifications/message-notification.service.js';

/**
 * The messaging benchmark's school (bench/README.md, "Messages"): 600 students in 24 classes,
 * 1,000 guardians, 60 staff and 100,000 messages from one autumn term, written straight into a
 * migrated database with set-based `insert … select * from unnest(…)` batches. Deterministic:
 * the same seed gives the same school, ids included.
 *
 * The messages are spread over the kinds of thread the app makes: a guardian writing to the
 * child's contact teachers, class messages to all custody holders of a class, a guardian's private
 * reply to a class message, and threads between staff. Every message has its notification job,
 * done, as after a term of use.
 */

export const SCHOOL_SIZE = { students: 600, guardians: 1000, staff: 60, messages: 100_000 } as const;

/** Grades 0–9, three classes in grades 0, 3, 6 and 8 and two in the others: 24 classes of 25. */
const CLASS_LETTERS: Record<number, string[]> = {
  0: ['A', 'B', 'C'],
  3: ['A', 'B', 'C'],
  6: ['A', 'B', 'C'],
  8: ['A', 'B', 'C'],
};
const STUDENTS_PER_CLASS = 25;
const CLASS_MESSAGES_PER_CLASS = 60;
const STAFF_THREADS = 600;
/** Share of a class message's guardians who answer it privately. */
const PRIVATE_REPLY_SHARE = 0.04;

/** The autumn term the messages fall in (before any run of the benchmark). */
const TERM_START = Date.UTC(2026, 7, 10, 6);
const TERM_END = Date.UTC(2026, 10, 27, 15);
const HOUR = 3_600_000;

export interface BenchSchool {
  schoolId: string;
  classes: Array<{ id: string; label: string }>;
  leader: { personId: string; userId: string };
  /** Every guardian, in generation order. */
  guardians: Array<{ personId: string; userId: string; suspended: boolean }>;
  rows: Record<string, number>;
}

type Column = [name: string, type: string];

/** Rows of one table as column arrays, inserted in batches through `unnest`. */
class TableRows {
  readonly values: unknown[][];
  constructor(
    readonly table: string,
    readonly columns: Column[],
  ) {
    this.values = columns.map(() => []);
  }
  add(...row: unknown[]): void {
    row.forEach((value, i) => this.values[i]!.push(value));
  }
  get length(): number {
    return this.values[0]!.length;
  }
  async insert(client: pg.ClientBase, batch = 10_000): Promise<void> {
    const names = this.columns.map(([name]) => name).join(', ');
    const arrays = this.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    for (let start = 0; start < this.length; start += batch) {
      await client.query(
        `insert into ${this.table} (${names}) select * from unnest(${arrays})`,
        this.values.map((column) => column.slice(start, start + batch)),
      );
    }
  }
}

/** A version-4 shaped UUID drawn from the seeded source, so a run's ids can be reproduced. */
function uuidFrom(rng: Random): string {
  const hex = Array.from({ length: 4 }, () => (rng.int(2 ** 32) >>> 0).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

const SUBJECTS = {
  guardian: [
    'Sygemelding',
    'Spørgsmål om lektier',
    'Fravær i morgen',
    'Trivsel i klassen',
    'Tandlægebesøg',
    'Afhentning fredag',
    'Glemt madpakke',
    'Forældresamtale',
    'Ferie uden for skolens ferier',
    'Konflikt i frikvarteret',
    'Idrætstøj',
    'Lejrskole',
    'Læsning derhjemme',
    'Cykeltur',
  ],
  class: [
    'Ugebrev',
    'Husk idrætstøj',
    'Forældremøde',
    'Ekskursion til Økolariet',
    'Lus i klassen',
    'Juleklip',
    'Motionsdag',
    'Skolefoto',
    'Emneuge',
    'Nyt skema',
    'Klassens time',
    'Lejrskole – pakkeliste',
    'Trivselsundersøgelse',
    'Fødselsdage i klassen',
  ],
  staff: [
    'Vikardækning',
    'Teammøde',
    'Skolehjemsamtaler',
    'Årsplan',
    'Elevplaner',
    'Forældremøde – fordeling',
    'Tilsyn i frikvarteret',
    'Inklusion',
  ],
};

const SENTENCES = [
  'Tak for en god uge i klassen.',
  'Vi har arbejdet med brøker og skal fortsætte med det næste uge.',
  'Husk at pakke idrætstøj og håndklæde til i morgen.',
  'Hun har haft ondt i maven siden i går og bliver hjemme i dag.',
  'Kan vi finde en tid til en kort samtale i næste uge?',
  'Han fortæller, at der har været lidt uro i frikvartererne.',
  'Vi tager på tur til skoven torsdag, så tøjet skal passe til vejret.',
  'Lektierne ligger på ugeplanen, og der er læsebånd hver morgen.',
  'Jeg ringer gerne, hvis det er lettere at tale om.',
  'Mange tak for beskeden, jeg kigger på det i morgen.',
  'Klassen har lavet flotte plancher om vikingetiden.',
  'Vi mangler stadig nogle sedler om lejrskolen.',
  'Der er forældremøde den første tirsdag i måneden kl. 19.',
  'Hun er begyndt at glæde sig til at komme i skole igen.',
  'Vi har talt med klassen om, hvordan man er en god kammerat.',
  'Bussen kører fra skolen kl. 8.15, så kom gerne i god tid.',
  'Tak fordi I fortalte det, det hjælper os at vide.',
  'Jeg har givet besked videre til klassens andre lærere.',
];

function body(rng: Random, minSentences: number, maxSentences: number): string {
  return Array.from({ length: rng.between(minSentences, maxSentences) }, () => rng.pick(SENTENCES)).join(' ');
}

/** Message counts with many short threads and a long tail, as in a real inbox (mean about 1 + mean). */
const threadLength = (rng: Random, mean: number, cap: number) =>
  Math.min(cap, 1 + Math.floor(-Math.log(1 - rng.next()) * mean));

export async function generateSchool(client: pg.ClientBase, seed: number): Promise<BenchSchool> {
  const rng = createRandom(seed);
  const id = () => uuidFrom(rng);
  const schoolId = id();

  const users = new TableRows('users', [
    ['id', 'uuid'],
    ['email', 'text'],
    ['name', 'text'],
    ['locale', 'text'],
  ]);
  const households = new TableRows('households', [
    ['school_id', 'uuid'],
    ['id', 'uuid'],
    ['external_id', 'text'],
    ['address_line', 'text'],
    ['postal_code', 'text'],
    ['city', 'text'],
  ]);
  const people = new TableRows('people', [
    ['school_id', 'uuid'],
    ['id', 'uuid'],
    ['external_id', 'text'],
    ['user_id', 'uuid'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['email', 'text'],
    ['household_id', 'uuid'],
    ['language', 'text'],
    ['suspended', 'boolean'],
  ]);
  const personRoles = new TableRows('person_roles', [
    ['school_id', 'uuid'],
    ['person_id', 'uuid'],
    ['role', 'text'],
  ]);
  const classes = new TableRows('classes', [
    ['school_id', 'uuid'],
    ['id', 'uuid'],
    ['external_id', 'text'],
    ['grade', 'int4'],
    ['letter', 'text'],
  ]);
  const classStaff = new TableRows('class_staff', [
    ['school_id', 'uuid'],
    ['class_id', 'uuid'],
    ['person_id', 'uuid'],
    ['role', 'text'],
  ]);
  const students = new TableRows('students', [
    ['school_id', 'uuid'],
    ['id', 'uuid'],
    ['external_id', 'text'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['class_id', 'uuid'],
    ['birth_date', 'date'],
    ['first_language', 'text'],
  ]);
  const guardianships = new TableRows('guardianships', [
    ['school_id', 'uuid'],
    ['student_id', 'uuid'],
    ['person_id', 'uuid'],
    ['kind', 'text'],
  ]);
  const threads = new TableRows('message_threads', [
    ['school_id', 'uuid'],
    ['id', 'uuid'],
    ['kind', 'text'],
    ['student_id', 'uuid'],
    ['subject', 'text'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['last_message_at', 'timestamptz'],
    ['reply_due_at', 'timestamptz'],
    ['promise_fulfilled_at', 'timestamptz'],
    ['promise_fulfilled_by', 'uuid'],
    ['class_id', 'uuid'],
    ['parent_thread_id', 'uuid'],
  ]);
  const participants = new TableRows('thread_participants', [
    ['school_id', 'uuid'],
    ['thread_id', 'uuid'],
    ['person_id', 'uuid'],
    ['role', 'text'],
    ['last_read_at', 'timestamptz'],
  ]);
  const messages = new TableRows('messages', [
    ['school_id', 'uuid'],
    ['id', 'uuid'],
    ['thread_id', 'uuid'],
    ['author_id', 'uuid'],
    ['kind', 'text'],
    ['body', 'text'],
    ['created_at', 'timestamptz'],
  ]);
  const jobs = new TableRows('jobs', [
    ['school_id', 'uuid'],
    ['kind', 'text'],
    ['payload', 'jsonb'],
    ['run_at', 'timestamptz'],
    ['attempts', 'int4'],
    ['done_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['dedupe_key', 'text'],
  ]);

  let userCount = 0;
  const person = (
    externalId: string,
    given: string,
    family: string,
    householdId: string | null,
    language: string,
    suspended = false,
  ) => {
    const personId = id();
    const userId = id();
    const email = `${externalId}@bench.samspil.dk`;
    users.add(userId, email, `${given} ${family}`, language === 'da' ? 'da' : rng.chance(0.5) ? 'en' : 'da');
    people.add(schoolId, personId, externalId, userId, given, family, email, householdId, language, suspended);
    userCount++;
    return { personId, userId };
  };

  // Classes and staff: a leader, an administrator, a contact teacher per class, 28 teachers and 6 pedagogues.
  const classList: Array<{
    id: string;
    grade: number;
    label: string;
    staff: string[];
    contactTeacher: string;
    students: string[];
  }> = [];
  for (let grade = 0; grade <= 9; grade++) {
    for (const letter of CLASS_LETTERS[grade] ?? ['A', 'B']) {
      const classId = id();
      classes.add(schoolId, classId, `k${grade}${letter}`, grade, letter);
      classList.push({ id: classId, grade, label: `${grade}.${letter}`, staff: [], contactTeacher: '', students: [] });
    }
  }
  const staffName = () =>
    [rng.pick([...DANISH_NAMES.mothers, ...DANISH_NAMES.fathers]), rng.pick(DANISH_NAMES.surnames)] as const;
  const staffMember = (n: number, role: 'leader' | 'administrator' | 'teacher' | 'pedagogue') => {
    const [given, family] = staffName();
    const s = person(`s${String(n).padStart(3, '0')}`, given, family, null, 'da');
    personRoles.add(schoolId, s.personId, role);
    return s;
  };
  let staffCount = 0;
  const leader = staffMember(++staffCount, 'leader');
  staffMember(++staffCount, 'administrator');
  const contactTeachers = classList.map(() => staffMember(++staffCount, 'teacher'));
  const teachers = Array.from({ length: 28 }, () => staffMember(++staffCount, 'teacher'));
  const pedagogues = Array.from({ length: 6 }, () => staffMember(++staffCount, 'pedagogue'));
  classList.forEach((c, i) => {
    c.contactTeacher = contactTeachers[i]!.personId;
    const subjectTeachers = [teachers[(2 * i) % teachers.length]!, teachers[(2 * i + 1) % teachers.length]!];
    const staffOfClass = [
      { p: contactTeachers[i]!, role: 'contact_teacher' },
      ...subjectTeachers.map((p) => ({ p, role: 'teacher' })),
    ];
    if (c.grade <= 2) staffOfClass.push({ p: pedagogues[i % pedagogues.length]!, role: 'pedagogue' });
    for (const { p, role } of staffOfClass) {
      classStaff.add(schoolId, c.id, p.personId, role);
      c.staff.push(p.personId);
    }
  });
  const allStaff = [
    leader.personId,
    ...contactTeachers.map((s) => s.personId),
    ...teachers.map((s) => s.personId),
    ...pedagogues.map((s) => s.personId),
  ];

  // 500 families: 100 with two children, 400 with one; 50 single parents and 50 with a third,
  // information-right parent in a household of their own. That is 600 children and 1,000 adults.
  const slots = rng.shuffle(classList.flatMap((c) => Array.from({ length: STUDENTS_PER_CLASS }, () => c)));
  const familyShapes = rng.shuffle(
    Array.from({ length: 500 }, (_, i) => ({
      children: i < 100 ? 2 : 1,
      adults: i % 10 === 0 ? 1 : i % 10 === 5 ? 3 : 2,
    })),
  );
  const guardians: BenchSchool['guardians'] = [];
  const guardianInfo = new Map<
    string,
    { children: Array<{ id: string; classId: string }>; custody: boolean; suspended: boolean }
  >();
  let studentCount = 0;
  let householdCount = 0;
  let guardianCount = 0;
  for (const [family, shape] of familyShapes.entries()) {
    const language = rng.chance(0.88) ? 'da' : rng.pick(['ar', 'so', 'uk', 'tr', 'ur'] as const);
    const names: NamePool = language === 'da' ? DANISH_NAMES : NAMES_BY_LANGUAGE[language];
    const surname = rng.pick(names.surnames);
    const household = () => {
      const householdId = id();
      households.add(
        schoolId,
        householdId,
        `h${String(++householdCount).padStart(4, '0')}`,
        `${rng.pick(VEJLE_STREETS)} ${rng.between(1, 140)}`,
        '7100',
        'Vejle',
      );
      return householdId;
    };
    const home = household();
    const children = Array.from({ length: shape.children }, () => {
      const slot = slots[studentCount]!;
      const studentId = id();
      const n = ++studentCount;
      students.add(
        schoolId,
        studentId,
        `e${String(n).padStart(4, '0')}`,
        rng.pick(rng.chance(0.5) ? names.girls : names.boys),
        surname,
        slot.id,
        `${2020 - slot.grade}-${String(rng.between(1, 12)).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`,
        language,
      );
      slot.students.push(studentId);
      return { id: studentId, classId: slot.id };
    });
    for (let a = 0; a < shape.adults; a++) {
      const custody = a < 2;
      // A handful of custody holders are suspended (a case at Familieretshuset): they see nothing.
      const suspended = shape.adults === 2 && a === 1 && family % 100 === 1;
      const given = rng.pick(a % 2 === 0 ? names.mothers : names.fathers);
      const g = person(
        `g${String(++guardianCount).padStart(4, '0')}`,
        given,
        surname,
        custody ? home : household(),
        language,
        suspended,
      );
      for (const child of children)
        guardianships.add(schoolId, child.id, g.personId, custody ? 'custody' : 'information_right');
      guardians.push({ ...g, suspended });
      guardianInfo.set(g.personId, { children, custody, suspended });
    }
  }

  // Threads and messages. Each thread's messages are drawn as (author, time) pairs first; the
  // thread row, its participants' read marks and the message rows follow from them.
  interface Draft {
    kind: 'direct' | 'group';
    studentId: string | null;
    subject: string;
    createdBy: string;
    classId: string | null;
    parentThreadId: string | null;
    staff: string[];
    guardians: string[];
    /** Whether a guardian's message starts a reply promise (guardian threads). */
    promise: boolean;
  }
  let messageCount = 0;
  const addThread = (draft: Draft, start: number, authors: string[], bodies: () => string): string => {
    const threadId = id();
    let at = start;
    const written: Array<{ author: string; at: number }> = [];
    for (const author of authors) {
      written.push({ author, at });
      at = Math.min(TERM_END, at + (0.1 + rng.next() * rng.next() * 48) * HOUR);
    }
    const last = written.at(-1)!.at;
    // The promise follows the newest guardian message; a later staff message keeps it.
    let replyDue: number | null = null;
    let fulfilled: { at: number; by: string } | null = null;
    if (draft.promise) {
      for (const m of written) {
        const byGuardian = draft.guardians.includes(m.author);
        if (byGuardian && (replyDue === null || fulfilled)) {
          replyDue = m.at + 72 * HOUR;
          fulfilled = null;
        } else if (!byGuardian && replyDue !== null && !fulfilled) fulfilled = { at: m.at, by: m.author };
      }
    }
    threads.add(
      schoolId,
      threadId,
      draft.kind,
      draft.studentId,
      draft.subject,
      draft.createdBy,
      iso(start),
      iso(last),
      replyDue === null ? null : iso(replyDue),
      fulfilled ? iso(fulfilled.at) : null,
      fulfilled?.by ?? null,
      draft.classId,
      draft.parentThreadId,
    );
    const readMark = (personId: string, readAll: number) => {
      if (rng.chance(readAll)) return iso(Math.min(TERM_END, last + rng.next() * 24 * HOUR));
      const own = written.filter((m) => m.author === personId).at(-1);
      return own ? iso(own.at) : null;
    };
    for (const personId of draft.staff)
      participants.add(schoolId, threadId, personId, 'staff', readMark(personId, 0.9));
    for (const personId of draft.guardians)
      participants.add(schoolId, threadId, personId, 'guardian', readMark(personId, 0.85));
    for (const m of written) {
      const messageId = id();
      const acknowledgement = draft.promise && draft.staff.includes(m.author) && rng.chance(0.05);
      messages.add(
        schoolId,
        messageId,
        threadId,
        m.author,
        acknowledgement ? 'acknowledgement' : 'message',
        acknowledgement ? '' : bodies(),
        iso(m.at),
      );
      jobs.add(
        schoolId,
        MESSAGE_NOTIFICATION_JOB,
        JSON.stringify({ threadId, messageId }),
        iso(m.at),
        1,
        iso(m.at + 60_000),
        iso(m.at),
        `${MESSAGE_NOTIFICATION_JOB}:${messageId}`,
      );
      messageCount++;
    }
    return threadId;
  };
  const termTime = (untilEndMs = 0) => TERM_START + rng.next() * (TERM_END - untilEndMs - TERM_START);
  const alternate = (first: string, other: () => string, count: number) =>
    Array.from({ length: count }, (_, i) => (i % 2 === 0 ? first : other()));

  // Class messages to the custody holders of a class, and some guardians' private replies.
  const custodyOfClass = (c: (typeof classList)[number]) => [
    ...new Set(
      c.students.flatMap((s) =>
        guardians
          .filter((g) => {
            const info = guardianInfo.get(g.personId)!;
            return info.custody && !info.suspended && info.children.some((ch) => ch.id === s);
          })
          .map((g) => g.personId),
      ),
    ),
  ];
  let groupThreads = 0;
  let replyThreads = 0;
  for (const c of classList) {
    const classGuardians = custodyOfClass(c);
    for (let n = 0; n < CLASS_MESSAGES_PER_CLASS; n++) {
      const author = rng.chance(0.1) ? leader.personId : rng.chance(0.78) ? c.contactTeacher : rng.pick(c.staff);
      const staff = [...new Set([author, c.contactTeacher])];
      const draft: Draft = {
        kind: 'group',
        studentId: null,
        subject: rng.pick(SUBJECTS.class),
        createdBy: author,
        classId: c.id,
        parentThreadId: null,
        staff,
        guardians: classGuardians,
        promise: false,
      };
      const start = termTime(6 * HOUR);
      const groupId = addThread(draft, start, [author], () => body(rng, 4, 12));
      groupThreads++;
      for (const guardian of classGuardians) {
        if (!rng.chance(PRIVATE_REPLY_SHARE)) continue;
        const child = guardianInfo.get(guardian)!.children.find((ch) => ch.classId === c.id)!;
        const reply: Draft = {
          kind: 'direct',
          studentId: child.id,
          subject: draft.subject,
          createdBy: guardian,
          classId: null,
          parentThreadId: groupId,
          staff,
          guardians: [guardian],
          promise: true,
        };
        addThread(
          reply,
          Math.min(TERM_END, start + rng.next() * 48 * HOUR),
          alternate(guardian, () => rng.pick(staff), threadLength(rng, 1.5, 12)),
          () => body(rng, 1, 4),
        );
        replyThreads++;
      }
    }
  }

  // Threads between staff.
  for (let n = 0; n < STAFF_THREADS; n++) {
    const staff = [...new Set(Array.from({ length: rng.between(2, 4) }, () => rng.pick(allStaff)))];
    if (staff.length < 2) continue;
    const draft: Draft = {
      kind: 'direct',
      studentId: null,
      subject: rng.pick(SUBJECTS.staff),
      createdBy: staff[0]!,
      classId: null,
      parentThreadId: null,
      staff,
      guardians: [],
      promise: false,
    };
    addThread(
      draft,
      termTime(),
      Array.from({ length: threadLength(rng, 7, 40) }, (_, i) => (i === 0 ? staff[0]! : rng.pick(staff))),
      () => body(rng, 1, 5),
    );
  }

  // A guardian writing to the child's contact teacher takes the rest of the 100,000 messages:
  // the lengths are drawn first and then evened out to hit the total exactly.
  const writers = guardians.filter((g) => !g.suspended);
  const directDrafts = writers.flatMap((g) =>
    Array.from({ length: rng.between(2, 14) }, () => ({ guardian: g.personId, length: threadLength(rng, 10, 80) })),
  );
  let missing = SCHOOL_SIZE.messages - messageCount - directDrafts.reduce((sum, d) => sum + d.length, 0);
  for (let i = 0; missing !== 0; i = (i + 1) % directDrafts.length) {
    const d = directDrafts[i]!;
    if (missing > 0) {
      d.length++;
      missing--;
    } else if (d.length > 1) {
      d.length--;
      missing++;
    }
  }
  for (const d of directDrafts) {
    const child = rng.pick(guardianInfo.get(d.guardian)!.children);
    const staff = [classList.find((c) => c.id === child.classId)!.contactTeacher];
    const draft: Draft = {
      kind: 'direct',
      studentId: child.id,
      subject: rng.pick(SUBJECTS.guardian),
      createdBy: d.guardian,
      classId: null,
      parentThreadId: null,
      staff,
      guardians: [d.guardian],
      promise: true,
    };
    addThread(
      draft,
      termTime(),
      alternate(d.guardian, () => staff[0]!, d.length).map((author, i) =>
        i > 1 && rng.chance(0.2) ? (author === d.guardian ? staff[0]! : d.guardian) : author,
      ),
      () => body(rng, 1, 6),
    );
  }

  await client.query(
    `insert into schools (id, slug, name, municipality) values ($1, 'bench-skole', 'Benchmark Skole', 'Vejle Kommune')`,
    [schoolId],
  );
  for (const table of [
    users,
    households,
    people,
    personRoles,
    classes,
    classStaff,
    students,
    guardianships,
    threads,
    participants,
    messages,
    jobs,
  ]) {
    await table.insert(client);
  }
  await client.query('vacuum analyze');

  return {
    schoolId,
    classes: classList.map((c) => ({ id: c.id, label: c.label })),
    leader,
    guardians,
    rows: {
      users: userCount,
      students: students.length,
      guardians: guardians.length,
      'suspended guardians': guardians.filter((g) => g.suspended).length,
      staff: allStaff.length + 1,
      classes: classes.length,
      'class message threads': groupThreads,
      'private reply threads': replyThreads,
      threads: threads.length,
      'thread participants': participants.length,
      messages: messages.length,
      jobs: jobs.length,
    },
  };
}
