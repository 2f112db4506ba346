import type {
  TAvailabilityWindow,
  TConferenceHousehold,
  TConferenceInstance,
  TConferenceInterpreter,
  TConferenceMeeting,
  TConferenceStaff,
  TMeetingFormat,
} from './instance.schema.js';
import { createRandom, type Random } from '../random.js';

/**
 * Realistic conference rounds for tests and the benchmark: a Danish folkeskole with grades 0–9,
 * 2–3 classes a grade and 20–25 students a class; about 30% of students have a sibling at the
 * school, about 8% have two households (separated parents, one meeting each), about 5% of
 * families need an interpreter; contact teachers have two or three afternoons, pedagogues join
 * some meetings in grades 0–2 (one pedagogue per grade, shared by its classes), and an inclusion
 * counsellor and the department leaders join a few meetings. Households give the times they can come,
 * from "any afternoon" to "only Thursday after 16:30".
 *
 * `hard: true` gives the harder rounds of issue 10 on top of the same school: many families can
 * come on one afternoon only, there is one interpreter per language and only on two afternoons,
 * a pedagogue per grade in 0–3 (shared by the grade's classes) joins half of its meetings, and
 * many families have three or four children, each in a different grade. Without `hard` the
 * instance for a seed is the same as it always was.
 */
export interface SchoolInstanceOptions {
  seed: number;
  /** How many classes, counted from grade 0 upwards; a whole school (grades 0–9) when left out. */
  classes?: number;
  /** The Monday of the round's week (ISO date); the round uses Monday to Friday. */
  monday?: string;
  /** The harder profile of issue 10 (see above). */
  hard?: boolean;
}

interface SchoolClass {
  name: string;
  grade: number;
  teacher: string;
  students: string[];
}

const LANGUAGES = [
  { code: 'ar', weight: 30 },
  { code: 'so', weight: 18 },
  { code: 'tr', weight: 14 },
  { code: 'uk', weight: 12 },
  { code: 'ur', weight: 10 },
  { code: 'fa', weight: 10 },
  { code: 'pl', weight: 6 },
];

export function generateSchoolInstance(options: SchoolInstanceOptions): TConferenceInstance {
  const random = createRandom(options.seed);
  const hard = options.hard === true;
  const days = weekdays(options.monday ?? '2026-11-23');
  const classes = buildClasses(random, options.classes);
  const staff: TConferenceStaff[] = [];
  const studentClass = new Map<string, SchoolClass>();
  for (const schoolClass of classes) for (const student of schoolClass.students) studentClass.set(student, schoolClass);

  for (const schoolClass of classes) {
    const minutes = meetingMinutes(schoolClass.grade);
    const load = schoolClass.students.length * 1.1 * minutes;
    staff.push({
      id: schoolClass.teacher,
      label: `kontaktlærer ${schoolClass.name}`,
      room: `lokale ${schoolClass.name}`,
      available: afternoons(random, days, load > 420 ? 3 : 2),
      ...breakRule(random),
    });
  }
  const pedagogues = new Map<number, string>();
  for (const grade of new Set(
    classes.filter((schoolClass) => schoolClass.grade <= (hard ? 3 : 2)).map((schoolClass) => schoolClass.grade),
  )) {
    const id = `p${pedagogues.size + 1}`;
    pedagogues.set(grade, id);
    staff.push({ id, label: `pædagog ${grade}. årgang`, available: afternoons(random, days, 3), ...breakRule(random) });
  }
  const counsellor = classes.length >= 6 ? 'v1' : null;
  if (counsellor) {
    staff.push({
      id: counsellor,
      label: 'inklusionsvejleder',
      room: 'vejlederkontoret',
      available: afternoons(random, days, 3),
      ...breakRule(random),
    });
  }
  const leaders = new Map<string, string>();
  if (classes.length >= 6) {
    for (const stage of new Set(classes.map((schoolClass) => STAGES[stageOf(schoolClass.grade)] as string))) {
      const id = `l${leaders.size + 1}`;
      leaders.set(stage, id);
      staff.push({
        id,
        label: `afdelingsleder ${stage}`,
        room: `kontor ${stage}`,
        available: afternoons(random, days, 2),
        ...breakRule(random),
      });
    }
  }

  const families = buildFamilies(random, classes, hard);
  const households: TConferenceHousehold[] = [];
  const meetings: TConferenceMeeting[] = [];
  const languagesNeeded = new Map<string, number>();
  for (const children of families) {
    const language = random.chance(0.05) ? weightedLanguage(random) : null;
    const homes = random.chance(0.08) ? 2 : 1;
    for (let home = 0; home < homes; home++) {
      const id = `h${households.length + 1}`;
      const needsInterpreter = language !== null && (home === 0 || random.chance(0.5));
      households.push({
        id,
        ...(language ? { language } : {}),
        needsInterpreter,
        available: hard ? hardHouseholdTimes(random, days) : householdTimes(random, days),
      });
      if (needsInterpreter && language)
        languagesNeeded.set(language, (languagesNeeded.get(language) ?? 0) + children.length);
      for (const student of children) {
        const schoolClass = studentClass.get(student) as SchoolClass;
        const meetingStaff = [schoolClass.teacher];
        const pedagogue = pedagogues.get(schoolClass.grade);
        if (pedagogue && random.chance(hard ? 0.5 : 0.3)) meetingStaff.push(pedagogue);
        if (counsellor && random.chance(0.03)) meetingStaff.push(counsellor);
        const leader = leaders.get(STAGES[stageOf(schoolClass.grade)] as string);
        if (leader && random.chance(0.02)) meetingStaff.push(leader);
        const minutes = meetingMinutes(schoolClass.grade) + (needsInterpreter ? 10 : 0);
        meetings.push({
          id: `m${meetings.length + 1}`,
          label: schoolClass.name,
          student,
          household: id,
          staff: meetingStaff,
          minutes,
          format: meetingFormat(random, home > 0),
        });
      }
    }
  }

  const interpreters: TConferenceInterpreter[] = [];
  const needed = [...languagesNeeded.keys()].sort();
  for (const language of hard ? needed : []) {
    // One interpreter per language, on two afternoons that need not be the school's core ones.
    interpreters.push({
      id: `i${interpreters.length + 1}`,
      languages: [language],
      available: random
        .shuffle([0, 1, 2, 3, 4])
        .slice(0, 2)
        .sort((a, b) => a - b)
        .map((day) => ({ date: days[day] as string, from: '14:00', to: '18:30' })),
    });
  }
  for (const language of hard ? [] : needed) {
    const count = Math.ceil((languagesNeeded.get(language) ?? 0) / 6);
    for (let i = 0; i < count; i++) {
      const other = needed.filter((code) => code !== language);
      const languages = other.length > 0 && random.chance(0.3) ? [language, random.pick(other)] : [language];
      interpreters.push({
        id: `i${interpreters.length + 1}`,
        languages,
        available: afternoons(random, days, 2 + random.int(2)),
      });
    }
  }

  return {
    round: 'efterår-2026',
    days,
    transferMinutes: 5,
    staff,
    interpreters,
    households,
    meetings,
  };
}

const STAGES = ['indskoling', 'mellemtrin', 'udskoling'];

function stageOf(grade: number): number {
  return grade <= 3 ? 0 : grade <= 6 ? 1 : 2;
}

function weekdays(monday: string): string[] {
  const [year, month, day] = monday.split('-').map(Number) as [number, number, number];
  return [0, 1, 2, 3, 4].map((offset) => new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10));
}

function meetingMinutes(grade: number): number {
  return grade <= 5 ? 15 : 20;
}

function buildClasses(random: Random, limit: number | undefined): SchoolClass[] {
  const classes: SchoolClass[] = [];
  let studentCount = 0;
  for (let grade = 0; grade <= 9; grade++) {
    const perGrade = random.chance(0.6) ? 3 : 2;
    for (let letter = 0; letter < perGrade; letter++) {
      if (limit !== undefined && classes.length >= limit) return classes;
      const size = 20 + random.int(6);
      const students = Array.from({ length: size }, () => `s${++studentCount}`);
      classes.push({ name: `${grade}.${'ABC'[letter]}`, grade, teacher: `t${classes.length + 1}`, students });
    }
  }
  return classes;
}

/** Groups students into families so that about 30% of students have a sibling at the school. */
function buildFamilies(random: Random, classes: readonly SchoolClass[], hard: boolean): string[][] {
  const students = classes.flatMap((schoolClass) => schoolClass.students.map((student) => ({ student, schoolClass })));
  const unassigned = random.shuffle([...students]);
  const families: string[][] = [];
  let withSiblings = 0;
  const target = 0.3 * students.length;
  while (withSiblings < target && unassigned.length >= 2 && classes.length >= 1) {
    const first = unassigned.pop() as (typeof students)[number];
    const family = [first];
    // The hard profile: about half the families with siblings have three or four children, each in another grade.
    const size = hard ? (random.chance(0.5) ? (random.chance(0.3) ? 4 : 3) : 2) : random.chance(0.25) ? 3 : 2;
    const twins = !hard || size === 2 ? random.chance(0.04) : false;
    const apart = hard && size >= 3;
    for (let attempt = 0; attempt < 30 && family.length < size && unassigned.length > 0; attempt++) {
      const index = random.int(unassigned.length);
      const candidate = unassigned[index] as (typeof students)[number];
      const sameClass = family.some((member) =>
        apart ? member.schoolClass.grade === candidate.schoolClass.grade : member.schoolClass === candidate.schoolClass,
      );
      if (twins ? candidate.schoolClass === first.schoolClass : !sameClass) {
        family.push(candidate);
        unassigned.splice(index, 1);
      }
    }
    if (family.length === 1) {
      families.push([first.student]);
      continue;
    }
    withSiblings += family.length;
    families.push(family.map((member) => member.student));
  }
  for (const remaining of unassigned) families.push([remaining.student]);
  return random.shuffle(families);
}

function afternoons(random: Random, days: readonly string[], count: number): TAvailabilityWindow[] {
  // Most schools name two core conference afternoons (here Tuesday and Thursday) that most staff keep free.
  const chosen = random.chance(0.75) ? [1, 3] : random.shuffle([0, 1, 2, 3, 4]).slice(0, 2);
  const rest = random.shuffle([0, 1, 2, 3, 4].filter((day) => !chosen.includes(day)));
  while (chosen.length < count && rest.length > 0) chosen.push(rest.pop() as number);
  const [from, to] = random.pick([
    ['14:00', '18:00'],
    ['14:00', '18:00'],
    ['14:00', '18:00'],
    ['13:30', '17:30'],
    ['15:00', '19:00'],
  ] as const);
  return chosen.sort((a, b) => a - b).map((day) => ({ date: days[day] as string, from, to }));
}

function breakRule(random: Random): { maxConsecutiveMinutes: number; breakMinutes: number } {
  return random.chance(0.2)
    ? { maxConsecutiveMinutes: 90, breakMinutes: 10 }
    : { maxConsecutiveMinutes: 120, breakMinutes: 15 };
}

/** The times a household says it can come, from any afternoon to one narrow slot. */
function householdTimes(random: Random, days: readonly string[]): TAvailabilityWindow[] {
  const draw = random.next();
  const all = [0, 1, 2, 3, 4];
  // Invitations name the core afternoons first, so families pick them more often.
  const some = (count: number) => {
    const pool = [0, 1, 1, 1, 2, 3, 3, 3, 4];
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(random.pick(pool));
    return [...chosen].sort((a, b) => a - b);
  };
  const on = (chosen: number[], from: string, to: string) =>
    chosen.map((day) => ({ date: days[day] as string, from, to }));
  if (draw < 0.3) return on(all, '13:30', '18:30');
  if (draw < 0.6) return on(all, '16:00', '18:30');
  if (draw < 0.8) return on(some(2), '14:00', '18:00');
  if (draw < 0.92) return on(some(1 + random.int(2)), '15:00', '18:00');
  return on(some(1), '16:30', '18:00');
}

/** The hard profile's times: two families in five can come on one afternoon only. */
function hardHouseholdTimes(random: Random, days: readonly string[]): TAvailabilityWindow[] {
  const draw = random.next();
  const pool = [0, 1, 1, 1, 2, 3, 3, 3, 4];
  const one = () => [random.pick(pool)];
  const on = (chosen: number[], from: string, to: string) =>
    chosen.map((day) => ({ date: days[day] as string, from, to }));
  if (draw < 0.2) return on([0, 1, 2, 3, 4], '13:30', '18:30');
  if (draw < 0.45) return on([0, 1, 2, 3, 4], '16:00', '18:30');
  if (draw < 0.6) {
    const first = random.pick(pool);
    let second = random.pick(pool);
    while (second === first) second = random.pick(pool);
    return on(
      [first, second].sort((a, b) => a - b),
      '14:00',
      '18:00',
    );
  }
  if (draw < 0.85) return on(one(), '14:00', '18:00');
  return on(one(), '15:30', '18:00');
}

function weightedLanguage(random: Random): string {
  const total = LANGUAGES.reduce((sum, language) => sum + language.weight, 0);
  let target = random.next() * total;
  for (const language of LANGUAGES) {
    target -= language.weight;
    if (target < 0) return language.code;
  }
  return 'ar';
}

function meetingFormat(random: Random, secondHome: boolean): TMeetingFormat {
  const draw = random.next();
  if (secondHome) return draw < 0.6 ? 'in-person' : draw < 0.85 ? 'phone' : 'video';
  return draw < 0.88 ? 'in-person' : draw < 0.96 ? 'phone' : 'video';
}
