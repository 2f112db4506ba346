import type { Db } from '../db/database.js';
import { insertAgreement } from '../conferences/meeting.repository.js';
import {
  ensurePlan,
  findHeldConferencesOfRound,
  findPlanParts,
  insertEntry,
  insertEntryReads,
  insertPlanComment,
  insertPlanRead,
  markPlanPublished,
  reviewGoal,
  saveDraft,
} from '../student-plans/student-plan.repository.js';
import type { GoalDraft } from '../../domain/student-plans/goals.js';
import { schoolYearOf } from '../../domain/figures/school-year.js';
import { addDays } from './demo-calendar.js';
import { AUTUMN_ROUND } from './demo-conference-meetings.js';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import {
  findChildOfAccountInClass,
  findClassesByName,
  findDemoRoundByName,
  findDemoUserId,
} from './demo.repository.js';

const at = (date: string, time: string) => new Date(`${date}T${time}:00Z`);

const goals = (name: string, grade: number): GoalDraft[] => [
  {
    kind: 'academic',
    text: grade <= 3 ? `${name} læser en kapitelbog selv` : `${name} afleverer alle skriftlige opgaver til tiden`,
    schoolSupport:
      grade <= 3
        ? 'Læsebånd hver morgen og bøger på det rette niveau'
        : 'En ugeplan med afleveringer og en fast lektiecafé',
    homeSupport: grade <= 3 ? 'Læse højt sammen 15 minutter hver aften' : 'Spørge ind til ugeplanen søndag aften',
    studentSupport: grade <= 3 ? 'Vælge sin egen bog på biblioteket' : 'Skrive afleveringer ind i kalenderen',
  },
  {
    kind: 'social',
    text: `${name} inviterer en ny med i legen eller gruppen`,
    schoolSupport: 'Faste legegrupper og makkerpar, som kontaktlæreren skifter hver måned',
    homeSupport: 'Tale om dagen i skolen og invitere en klassekammerat hjem',
    studentSupport: 'Spørge en, der står alene, om de vil være med',
  },
];

const subjects = (name: string, grade: number) => [
  { subject: 'Dansk', status: `${name} læser sikkert og forstår det, der står. Stavningen er i god udvikling.` },
  { subject: 'Matematik', status: `${name} regner sikkert med de fire regnearter og arbejder godt i grupper.` },
  ...(grade >= 7
    ? [{ subject: 'Engelsk', status: `${name} taler gerne engelsk i timerne; grammatikken øver vi.` }]
    : []),
];

/**
 * The demo school's student plans (issue 11): every student of the autumn round's classes (3.A and
 * 7.A) had their plan sent home before the conference, most at least the principle's seven days
 * before, one three days before (late, so the figure shows it); Emma's (the demo guardian's child
 * in 3.A) is still a draft for the winter round. Oscar's plan (7.A) was read by the demo guardian,
 * he commented on his first goal, the goal was reviewed at the conference, and an agreement from
 * it is attached to the goal. Written through the student-plans repository, in the demo history's
 * unit of work.
 */
export async function addDemoStudentPlans(db: Db, schoolId: string, now: Date): Promise<void> {
  const round = await findDemoRoundByName(db, schoolId, AUTUMN_ROUND);
  if (!round) return;
  const [held, classes, emma, oscar, studentUser] = await Promise.all([
    findHeldConferencesOfRound(db, schoolId, round.id),
    findClassesByName(db, schoolId),
    findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '3A'),
    findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '7A'),
    findDemoUserId(db, DEMO_ACCOUNTS.student),
  ]);
  const teacherOf = new Map([...classes.values()].map((c) => [c.id, c.contactTeacherId]));
  const late = held.find((h) => h.grade === 3 && h.student_id !== emma?.studentId);
  for (const conference of held) {
    const teacher = teacherOf.get(conference.class_id);
    if (!teacher) continue;
    const isEmma = conference.student_id === emma?.studentId;
    const daysBefore = conference.student_id === late?.student_id ? 3 : 10;
    const written = at(addDays(conference.meeting_day, -daysBefore - 4), '15:00');
    const plan = await ensurePlan(db, {
      schoolId,
      studentId: conference.student_id,
      schoolYear: schoolYearOf(conference.meeting_day),
      personId: teacher,
      at: written,
    });
    const draft = goals(conference.given_name, conference.grade);
    await saveDraft(db, {
      schoolId,
      planId: plan.id,
      subjects: subjects(conference.given_name, conference.grade),
      // Emma's draft is half done: the contact teacher has written the academic goal only.
      goals: isEmma ? draft.slice(0, 1) : draft,
      personId: teacher,
      at: isEmma ? new Date(now.getTime() - 2 * 86_400_000) : written,
    });
    if (isEmma) continue;
    await markPlanPublished(db, schoolId, plan.id, teacher, at(addDays(conference.meeting_day, -daysBefore), '16:00'));
    if (conference.student_id !== oscar?.studentId) continue;
    // Oscar's plan: read by the demo guardian, his own comment, the goal reviewed and an agreement attached.
    const [first] = (await findPlanParts(db, schoolId, plan.id)).goals;
    if (!first) continue;
    await insertPlanRead(db, schoolId, plan.id, oscar.guardianId, at(addDays(conference.meeting_day, -8), '20:15'));
    if (studentUser)
      await insertPlanComment(db, {
        schoolId,
        planId: plan.id,
        goalId: first.id,
        role: 'student',
        userId: studentUser,
        text: 'Jeg vil prøve at skrive alle afleveringer ind i min kalender om søndagen.',
        at: at(addDays(conference.meeting_day, -6), '17:30'),
      });
    await reviewGoal(db, {
      schoolId,
      planId: plan.id,
      goalId: first.id,
      review: 'partly',
      personId: teacher,
      at: at(conference.meeting_day, '15:40'),
    });
    await insertAgreement(db, {
      schoolId,
      invitationId: conference.invitation_id,
      studentId: conference.student_id,
      owner: 'student',
      text: 'Oscar viser sin kalender med afleveringer til kontaktlæreren hver fredag',
      // Still open: due three weeks from today (the autumn's overdue agreement stays the only one).
      dueOn: addDays(now.toISOString().slice(0, 10), 21),
      personId: teacher,
      at: at(conference.meeting_day, '15:45'),
      goalId: first.id,
    });
  }
}

/** Last spring's entries: one on progress and well-being in April, one before the summer in June. */
const springEntries = (name: string, grade: number) => [
  {
    date: '04-16',
    progress:
      grade <= 3
        ? `${name} læser nu små bøger selv og er glad for læsebåndet. I matematik arbejder vi med tiervenner, og det går godt.`
        : `${name} arbejder stabilt i dansk og matematik. Afleveringerne kommer, men ofte sidst på ugen; det taler vi om i klassen.`,
    wellBeing:
      grade <= 3
        ? `${name} har gode venner i klassen og er med i legen i frikvartererne.`
        : `${name} er en god kammerat og tager ansvar i gruppearbejdet.`,
  },
  {
    date: '06-04',
    progress:
      grade <= 3
        ? `${name} er kommet langt med læsningen i foråret og fortæller gerne om sine bøger.`
        : `${name} er blevet bedre til at planlægge ugen. Næste skoleår arbejder vi videre med de længere skriftlige opgaver.`,
    wellBeing:
      grade <= 3
        ? `${name} trives og glæder sig til næste skoleår.`
        : `${name} trives i klassen og har været med til at planlægge klassens sommerafslutning.`,
  },
];

/**
 * Last spring's message book (meddelelsesbog): the board's principle chose it from March until it
 * chose the student plan in June. Every student of the autumn round's classes has the contact
 * teacher's two entries, from the grade below; the demo guardian read both of Oscar's and the
 * first of Emma's, so her card still asks her to confirm the second. Written through the
 * student-plans repository, in the demo history's unit of work.
 */
export async function addDemoMessageBook(db: Db, schoolId: string, now: Date): Promise<void> {
  const round = await findDemoRoundByName(db, schoolId, AUTUMN_ROUND);
  if (!round) return;
  const spring = schoolYearOf(now.toISOString().slice(0, 10));
  const [held, classes, emma, oscar] = await Promise.all([
    findHeldConferencesOfRound(db, schoolId, round.id),
    findClassesByName(db, schoolId),
    findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '3A'),
    findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '7A'),
  ]);
  const teacherOf = new Map([...classes.values()].map((c) => [c.id, c.contactTeacherId]));
  for (const student of held) {
    const teacher = teacherOf.get(student.class_id);
    if (!teacher) continue;
    for (const entry of springEntries(student.given_name, student.grade - 1))
      await insertEntry(db, {
        schoolId,
        studentId: student.student_id,
        progress: entry.progress,
        wellBeing: entry.wellBeing,
        personId: teacher,
        at: at(`${spring}-${entry.date}`, '14:00'),
        idempotencyKey: null,
      });
  }
  if (oscar) await insertEntryReads(db, schoolId, oscar.studentId, oscar.guardianId, at(`${spring}-06-05`, '19:30'));
  if (emma) await insertEntryReads(db, schoolId, emma.studentId, emma.guardianId, at(`${spring}-04-17`, '20:10'));
}
