import type { GuardianshipKind, PreferredChannel } from '../db/schema.js';
import {
  COLUMN_LABELS,
  COLUMNS,
  type Column,
  type ColumnHeaders,
  type ImportRow,
} from '../directory-import/import-format.js';
import { DANISH_NAMES, NAMES_BY_LANGUAGE, VEJLE_STREETS, type NamePool } from './demo-names.js';
import { createRandom, type Random } from '../../domain/random.js';

/** The demo school is generated from this seed; the same seed always gives the same school. */
export const DEMO_SEED = 20261123;
export const DEMO_SCHOOL = { slug: 'demo-skole', name: 'Demo Skole', municipality: 'Vejle Kommune' } as const;
export const DEMO_PASSWORD = 'samspil-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.samspil.dk';

/** The accounts with the demo password; everyone else signs in with a link by e-mail. */
export const DEMO_ACCOUNTS = {
  leader: `leder@${DEMO_EMAIL_DOMAIN}`,
  administrator: `administrator@${DEMO_EMAIL_DOMAIN}`,
  contactTeacher: `kontaktlaerer@${DEMO_EMAIL_DOMAIN}`,
  guardian: `foraelder@${DEMO_EMAIL_DOMAIN}`,
  boardMember: `bestyrelse@${DEMO_EMAIL_DOMAIN}`,
  student: `elev@${DEMO_EMAIL_DOMAIN}`,
} as const;
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

export const DEMO_GRADES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export const DEMO_LETTERS = ['A', 'B'] as const;
export const STUDENTS_PER_CLASS = 22;
export const DEMO_OTHER_LANGUAGES = ['ar', 'so', 'uk', 'tr', 'ur'] as const;
type Language = 'da' | (typeof DEMO_OTHER_LANGUAGES)[number];

export const SUSPENSION_REASON =
  'Adgangen er midlertidigt stoppet efter afgørelse fra Familieretshuset (sag under behandling).';

/** How a family's adults relate to the children and where they live. */
type Structure = 'together' | 'joint-custody' | 'single' | 'information-right';

interface Household {
  id: string;
  address: string;
  postalCode: string;
  city: string;
}
interface Adult {
  id: string;
  given: string;
  family: string;
  email: string | null;
  phone: string;
  household: Household;
  kind: GuardianshipKind;
  interpreter: boolean;
  channel: PreferredChannel;
  protected: boolean;
  suspended: boolean;
  contactHours: string | null;
  board: boolean;
  representativeFor: string[];
}
interface Child {
  id: string;
  given: string;
  classId: string;
  grade: number;
  birthDate: string;
  email: string | null;
}
interface Family {
  structure: Structure;
  language: Language;
  surname: string;
  children: Child[];
  adults: Adult[];
  /** Families written by hand (the demo accounts); the rest are generated. */
  fixed: boolean;
}

export interface DemoDirectory {
  headers: ColumnHeaders;
  rows: ImportRow[];
  /** Who each demo account is, for the command line and the README. */
  accounts: Record<DemoAccount, { email: string; name: string; description: { da: string; en: string } }>;
}

const HEADERS: ColumnHeaders = Object.fromEntries(
  (Object.keys(COLUMNS) as Column[]).map((c) => [c, COLUMN_LABELS[c].en]),
);

/** ASCII for e-mail addresses: æ → ae, ø → oe, å → aa, other accents dropped. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]/g, '');
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const classIdOf = (grade: number, letter: string) => `${grade}${letter}`;
const yesNo = (value: boolean) => (value ? 'ja' : 'nej');

/**
 * Builds the demo school's directory as rows of the CSV import format (docs/IMPORT.md): 20
 * classes (0.A–9.B) of 22 students, their families, and the staff. Pure: the same seed and
 * school year give the same rows.
 */
export function buildDemoDirectory(options: { seed: number; schoolYear: number }): DemoDirectory {
  const rng = createRandom(options.seed);
  const classIds = DEMO_GRADES.flatMap((g) => DEMO_LETTERS.map((l) => classIdOf(g, l)));
  const free = new Map(classIds.map((id) => [id, STUDENTS_PER_CLASS]));
  const gradeOf = (classId: string) => Number(classId.slice(0, -1));

  let householdCount = 0;
  let adultCount = 0;
  let childCount = 0;
  const newHousehold = (): Household => ({
    id: `h${pad(++householdCount, 4)}`,
    address: `${rng.pick(VEJLE_STREETS)} ${rng.between(1, 140)}`,
    ...(rng.chance(0.75) ? { postalCode: '7100', city: 'Vejle' } : { postalCode: '7120', city: 'Vejle Øst' }),
  });
  const phone = () =>
    `+45 ${rng.between(20, 99)} ${pad(rng.between(0, 99), 2)} ${pad(rng.between(0, 99), 2)} ${pad(rng.between(0, 99), 2)}`;
  const birthDate = (grade: number) =>
    `${options.schoolYear - 6 - grade}-${pad(rng.between(1, 12), 2)}-${pad(rng.between(1, 28), 2)}`;
  const takeSlot = (classId: string) => free.set(classId, free.get(classId)! - 1);
  const child = (classId: string, given: string): Child => ({
    id: `e${pad(++childCount, 4)}`,
    given,
    classId,
    grade: gradeOf(classId),
    birthDate: birthDate(gradeOf(classId)),
    email: null,
  });
  const adult = (given: string, family: string, household: Household, kind: GuardianshipKind = 'custody'): Adult => ({
    id: `f${pad(++adultCount, 4)}`,
    given,
    family,
    email: null,
    phone: phone(),
    household,
    kind,
    interpreter: false,
    channel: 'app',
    protected: false,
    suspended: false,
    contactHours: null,
    board: false,
    representativeFor: [],
  });

  // The families behind the demo accounts come first, so their ids and names never move.
  const families: Family[] = [];
  {
    const home = newHousehold();
    takeSlot('3A');
    takeSlot('7A');
    const emma = child('3A', 'Emma');
    const oscar = { ...child('7A', 'Oscar'), email: DEMO_ACCOUNTS.student };
    const mette = { ...adult('Mette', 'Lindholm', home), email: DEMO_ACCOUNTS.guardian };
    const jesper = adult('Jesper', 'Lindholm', home);
    families.push({
      structure: 'together',
      language: 'da',
      surname: 'Lindholm',
      children: [emma, oscar],
      adults: [mette, jesper],
      fixed: true,
    });
  }
  {
    const home = newHousehold();
    takeSlot('5B');
    const karla = child('5B', 'Karla');
    const anne = { ...adult('Anne', 'Holm', home), email: DEMO_ACCOUNTS.boardMember, board: true };
    const kasper = adult('Kasper', 'Holm', home);
    families.push({
      structure: 'together',
      language: 'da',
      surname: 'Holm',
      children: [karla],
      adults: [anne, kasper],
      fixed: true,
    });
  }

  // The rest: families of one to three children, siblings always in different grades.
  const skeletons: { classIds: string[]; structure: Structure }[] = [];
  for (;;) {
    const openGrades = DEMO_GRADES.filter((g) => DEMO_LETTERS.some((l) => free.get(classIdOf(g, l))! > 0));
    if (openGrades.length === 0) break;
    const r = rng.next();
    const size = Math.min(r < 0.62 ? 1 : r < 0.92 ? 2 : 3, openGrades.length);
    const chosen = rng
      .shuffle(openGrades)
      .slice(0, size)
      .sort((a, b) => a - b);
    const classesOfFamily = chosen.map((g) => {
      const open = DEMO_LETTERS.map((l) => classIdOf(g, l)).filter((id) => free.get(id)! > 0);
      const id = rng.pick(open);
      takeSlot(id);
      return id;
    });
    const s = rng.next();
    const structure: Structure =
      s < 0.7 ? 'together' : s < 0.83 ? 'joint-custody' : s < 0.94 ? 'single' : 'information-right';
    skeletons.push({ classIds: classesOfFamily, structure });
  }
  // Every home language and every legal situation the platform handles appears at least once.
  const languages: Language[] = skeletons.map(() => (rng.chance(0.12) ? rng.pick(DEMO_OTHER_LANGUAGES) : 'da'));
  const forced = rng.shuffle(skeletons.map((_, i) => i)).slice(0, DEMO_OTHER_LANGUAGES.length + 2);
  DEMO_OTHER_LANGUAGES.forEach((language, i) => (languages[forced[i]!] = language));
  skeletons[forced[DEMO_OTHER_LANGUAGES.length]!]!.structure = 'information-right';
  skeletons[forced[DEMO_OTHER_LANGUAGES.length + 1]!]!.structure = 'joint-custody';

  skeletons.forEach((skeleton, index) => {
    const language = languages[index]!;
    const names: NamePool = language === 'da' ? DANISH_NAMES : NAMES_BY_LANGUAGE[language];
    const surname = rng.pick(names.surnames);
    const children = skeleton.classIds.map((classId) =>
      child(classId, rng.pick(rng.chance(0.5) ? names.girls : names.boys)),
    );
    const otherSurname = () => (rng.chance(0.4) ? rng.pick(names.surnames) : surname);
    const mother = () => rng.pick(names.mothers);
    const father = () => rng.pick(names.fathers);
    const adults: Adult[] = [];
    const home = newHousehold();
    if (skeleton.structure === 'together') {
      adults.push(adult(mother(), surname, home), adult(father(), otherSurname(), home));
    } else if (skeleton.structure === 'single') {
      adults.push(adult(rng.chance(0.75) ? mother() : father(), surname, home));
    } else {
      const secondKind: GuardianshipKind = skeleton.structure === 'joint-custody' ? 'custody' : 'information_right';
      const [first, second] = rng.chance(0.5) ? [mother(), father()] : [father(), mother()];
      adults.push(adult(first, surname, home), adult(second, otherSurname(), newHousehold(), secondKind));
    }
    families.push({ structure: skeleton.structure, language, surname, children, adults, fixed: false });
  });

  // Needs, channels and contact details.
  const CONTACT_HOURS = [
    'Efter kl. 16',
    'Hverdage kl. 8–9',
    'Bedst om aftenen',
    'Arbejder i skiftehold – skriv hellere end at ringe',
  ];
  for (const family of families) {
    for (const a of family.adults) {
      if (family.language !== 'da') {
        a.interpreter = rng.chance(0.5);
        const c = rng.next();
        a.channel = c < 0.5 ? 'app' : c < 0.85 ? 'sms' : 'letter';
      } else if (!family.fixed) {
        const c = rng.next();
        a.channel = c < 0.8 ? 'app' : c < 0.92 ? 'email' : c < 0.98 ? 'sms' : 'letter';
      }
      if (!family.fixed && rng.chance(0.1)) a.contactHours = rng.pick(CONTACT_HOURS);
      // A family that only reads letters has given the school no e-mail address.
      if (!a.email && a.channel !== 'letter')
        a.email = `${asciiFold(a.given)}.${asciiFold(a.family)}.${Number(a.id.slice(1))}@${DEMO_EMAIL_DOMAIN}`;
    }
  }
  const generated = families.filter((f) => !f.fixed);
  for (const language of DEMO_OTHER_LANGUAGES.slice(0, 2)) {
    for (const a of generated.find((f) => f.language === language)!.adults) a.interpreter = true;
  }
  // One parent under name and address protection and one whose access is suspended, each in a
  // family where the other parent keeps custody and a home of their own.
  const jointFamilies = rng.shuffle(generated.filter((f) => f.structure === 'joint-custody'));
  jointFamilies[0]!.adults[1]!.protected = true;
  jointFamilies[1 % jointFamilies.length]!.adults[1]!.suspended = true;

  // Class parent representatives: two per class, from different families with custody.
  const familiesOfClass = new Map<string, Family[]>(classIds.map((id) => [id, []]));
  for (const f of families) for (const c of f.children) familiesOfClass.get(c.classId)!.push(f);
  const mayRepresent = (a: Adult) => a.kind === 'custody' && !a.suspended && !a.protected;
  for (const classId of classIds) {
    const candidates = rng.shuffle(familiesOfClass.get(classId)!.filter((f) => !f.fixed)).flatMap((f) => {
      const adults = f.adults.filter(mayRepresent);
      return adults.length > 0 ? [rng.pick(adults)] : [];
    });
    for (const a of candidates.slice(0, 2)) a.representativeFor.push(classId);
  }
  // The school board: the chair (bestyrelse@) and four more parents from different families.
  for (const f of rng.shuffle(generated).slice(0, 4)) f.adults.find(mayRepresent)!.board = true;

  const staff = buildStaff(rng, classIds);

  const rows: ImportRow[] = [];
  let line = 1;
  const push = (values: ImportRow['values']) => rows.push({ line: ++line, values });
  for (const id of classIds) push({ type: 'class', id, grade: String(gradeOf(id)), letter: id.slice(-1) });
  for (const s of staff) {
    push({
      type: 'staff',
      id: s.id,
      given_name: s.given,
      family_name: s.family,
      email: s.email,
      phone: s.phone,
      contact_hours: s.contactHours ?? '',
      roles: s.roles.join(' '),
      class: s.classes.join(' '),
      contact_teacher_for: s.contactTeacherFor.join(' '),
    });
  }
  for (const f of families) {
    for (const c of f.children) {
      push({
        type: 'student',
        id: c.id,
        given_name: c.given,
        family_name: f.surname,
        class: c.classId,
        birth_date: c.birthDate,
        language: f.language,
        email: c.email ?? '',
      });
    }
  }
  for (const f of families) {
    for (const a of f.adults) {
      push({
        type: 'guardian',
        id: a.id,
        given_name: a.given,
        family_name: a.family,
        email: a.email ?? '',
        phone: a.phone,
        household: a.household.id,
        address: a.household.address,
        postal_code: a.household.postalCode,
        city: a.household.city,
        language: f.language,
        interpreter: yesNo(a.interpreter),
        channel: a.channel,
        address_protected: yesNo(a.protected),
        suspended: yesNo(a.suspended),
        suspended_reason: a.suspended ? SUSPENSION_REASON : '',
        contact_hours: a.contactHours ?? '',
        roles: a.board ? 'board_member' : '',
        representative_for: a.representativeFor.join(' '),
      });
    }
  }
  for (const f of families) {
    for (const c of f.children)
      for (const a of f.adults) push({ type: 'relation', student: c.id, guardian: a.id, kind: a.kind });
  }

  const lindholm = families[0]!;
  const holm = families[1]!;
  const contactOf3A = staff.find((s) => s.contactTeacherFor.includes('3A'))!;
  const named = (email: string, name: string, da: string, en: string) => ({ email, name, description: { da, en } });
  const childList = (and: string) =>
    lindholm.children.map((c) => `${c.given} (${c.classId.replace(/(\d+)/, '$1.')})`).join(` ${and} `);
  return {
    headers: HEADERS,
    rows,
    accounts: {
      leader: named(DEMO_ACCOUNTS.leader, 'Hanne Skovgaard', 'skoleleder', 'school leader'),
      administrator: named(
        DEMO_ACCOUNTS.administrator,
        'Birthe Vinther',
        'administrator (kontoret)',
        'administrator (school office)',
      ),
      contactTeacher: named(
        DEMO_ACCOUNTS.contactTeacher,
        `${contactOf3A.given} ${contactOf3A.family}`,
        'kontaktlærer for 3.A',
        'contact teacher of 3.A',
      ),
      guardian: named(
        DEMO_ACCOUNTS.guardian,
        'Mette Lindholm',
        `forælder med forældremyndighed for ${childList('og')}`,
        `guardian with custody of ${childList('and')}`,
      ),
      boardMember: named(
        DEMO_ACCOUNTS.boardMember,
        'Anne Holm',
        `formand for skolebestyrelsen, forælder til ${holm.children[0]!.given} (5.B)`,
        `chair of the school board, parent of ${holm.children[0]!.given} (5.B)`,
      ),
      student: named(DEMO_ACCOUNTS.student, 'Oscar Lindholm', 'elev i 7.A', 'student in 7.A'),
    },
  };
}

interface StaffMember {
  id: string;
  given: string;
  family: string;
  email: string;
  phone: string;
  roles: string[];
  classes: string[];
  contactTeacherFor: string[];
  contactHours: string | null;
}

function buildStaff(rng: Random, classIds: string[]): StaffMember[] {
  const staff: StaffMember[] = [];
  const usedEmails = new Set<string>();
  const add = (given: string, family: string, roles: string[], extra: Partial<StaffMember> = {}) => {
    let email = extra.email ?? `${asciiFold(given)}.${asciiFold(family)}@${DEMO_EMAIL_DOMAIN}`;
    for (let n = 2; usedEmails.has(email); n++)
      email = `${asciiFold(given)}.${asciiFold(family)}${n}@${DEMO_EMAIL_DOMAIN}`;
    usedEmails.add(email);
    const member: StaffMember = {
      id: `m${pad(staff.length + 1, 3)}`,
      given,
      family,
      phone: `+45 76 81 ${pad(rng.between(0, 99), 2)} ${pad(rng.between(0, 99), 2)}`,
      classes: [],
      contactTeacherFor: [],
      contactHours: null,
      ...extra,
      email,
      roles,
    };
    staff.push(member);
    return member;
  };
  const adultName = () =>
    [rng.pick(rng.chance(0.5) ? DANISH_NAMES.mothers : DANISH_NAMES.fathers), rng.pick(DANISH_NAMES.surnames)] as const;

  add('Hanne', 'Skovgaard', ['leader'], { email: DEMO_ACCOUNTS.leader, contactHours: 'Man–fre kl. 8–16' });
  add('Birthe', 'Vinther', ['administrator'], {
    email: DEMO_ACCOUNTS.administrator,
    contactHours: 'Man–fre kl. 7.30–15',
  });
  const hours = ['Man–tors kl. 8–15', 'Hverdage kl. 7.45–14', 'Man, ons og fre kl. 8–13'];
  for (const classId of classIds) {
    const grade = Number(classId.slice(0, -1));
    const letter = classId.slice(-1);
    // Contact teachers also teach the same letter in a neighbouring grade.
    const neighbour = `${grade === 9 ? 8 : grade + 1}${letter}`;
    const [given, family] = classId === '3A' ? (['Birgitte', 'Lund'] as const) : adultName();
    add(given, family, ['teacher'], {
      email: classId === '3A' ? DEMO_ACCOUNTS.contactTeacher : undefined,
      classes: [neighbour],
      contactTeacherFor: [classId],
      contactHours: rng.pick(hours),
    });
  }
  for (let i = 0; i < 14; i++) {
    const [given, family] = adultName();
    add(given, family, ['teacher'], { classes: rng.shuffle(classIds).slice(0, rng.between(3, 5)).sort() });
  }
  const youngest = classIds.filter((id) => Number(id.slice(0, -1)) <= 3);
  for (let i = 0; i < 6; i++) {
    const [given, family] = adultName();
    add(given, family, ['pedagogue'], {
      classes: [youngest[i % youngest.length]!, youngest[(i + 6) % youngest.length]!],
    });
  }
  // The staff's representatives on the school board: a teacher and a pedagogue.
  staff.find((s) => s.contactTeacherFor.includes('6B'))!.roles.push('board_member');
  staff.find((s) => s.roles.includes('pedagogue'))!.roles.push('board_member');
  return staff;
}
