import type { Db } from '../db/database.js';
import { storeCancellation, storeEvent } from '../events/event.service.js';
import { countTaker, findHouseholdKey, insertEvent, insertTaker, upsertAnswer } from '../events/event.repository.js';
import type { TCreateEvent } from '../../shared/api/event.schema.js';
import { isWorkingDay, shiftDate } from '../../domain/calendar/working-days.js';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import { demoClosedDays } from './demo-calendar.js';
import { findChildOfAccountInClass, findClassesByName, findFamiliesOfSchool } from './demo.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The first school day on or after `date`: a weekday that is no public holiday and none of the
 * demo school's closed days (the Christmas holiday from 21 December to 1 January, the autumn and
 * winter holidays), so a demo event never lands on Christmas Day or a Sunday.
 */
export function schoolDayFrom(date: string): string {
  const year = Number(date.slice(0, 4));
  // The school years that hold days of `date`'s calendar year: the one it ends and the one it starts.
  const closedDays = new Set([...demoClosedDays(year - 1), ...demoClosedDays(year)].map((d) => d.date));
  let day = date;
  while (!isWorkingDay(day, { closedDays })) day = shiftDate(day, 1);
  return day;
}

/** The Monday on or after `date` that begins three school days in a row: a lejrskole from Monday to Wednesday. */
export function campWeekFrom(date: string): string {
  for (let day = schoolDayFrom(date); ; day = schoolDayFrom(shiftDate(day, 1))) {
    const monday = new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
    if (
      monday &&
      schoolDayFrom(shiftDate(day, 1)) === shiftDate(day, 1) &&
      schoolDayFrom(shiftDate(day, 2)) === shiftDate(day, 2)
    )
      return day;
  }
}

/**
 * Events in use (issue 12): 3.A's Christmas crafts afternoon in ten days, made by its contact
 * teacher, with most homes signed up, two declined, the cake and the pans taken and the clearing
 * up still needing people (the teacher's home page shows it); the demo guardian has not answered
 * yet. The leader's school-wide well-being day in three weeks. 3.A's trip to the woods in a few
 * days, cancelled yesterday for a storm warning after homes had signed up (they were told). 7.A's
 * lejrskole from Monday to Wednesday in five weeks, with volunteers to drive the luggage. Two
 * events held this autumn (3.A's harvest party and 5.B's trip to the woods) give the figure
 * "events held" its numbers. Every coming event is on a school day. Made with the area's own use
 * cases and repository, with the clock of each day; runs in the demo history's unit of work.
 */
export async function addDemoEvents(db: Db, schoolId: string, leaderId: string | undefined, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const day = (days: number) => at(days).toISOString().slice(0, 10);
  /** The first school day from `days` on. */
  const schoolDay = (days: number) => schoolDayFrom(day(days));
  const classes = await findClassesByName(db, schoolId);
  const classA = classes.get('3.A');
  const classB = classes.get('5.B');
  if (!classA?.contactTeacherId) return;
  const families = await findFamiliesOfSchool(db, schoolId, [DEMO_ACCOUNTS.guardian], 400);
  // The demo guardian's home answers for itself: her partner's answer would be hers too.
  const demoChild = await findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '3A');
  const demoHome = demoChild ? await findHouseholdKey(db, schoolId, demoChild.guardianId) : undefined;
  /** One guardian per household of a class, with the household's key; not the demo guardian's. */
  const homesOf = async (classId: string) => {
    const homes = new Map<string, string>(demoHome ? [[demoHome, '']] : []);
    for (const f of families.filter((f) => f.classId === classId)) {
      const key = await findHouseholdKey(db, schoolId, f.guardianId);
      if (key && !homes.has(key)) homes.set(key, f.guardianId);
    }
    return [...homes].filter(([key]) => key !== demoHome);
  };
  const answer = (eventId: string, [key, guardianId]: [string, string], attending: boolean, i: number, when: Date) =>
    upsertAnswer(db, {
      schoolId,
      eventId,
      householdKey: key,
      attending,
      adults: attending ? 1 + (i % 2) : 0,
      children: attending ? 1 + (i % 3 === 0 ? 1 : 0) : 0,
      answeredBy: guardianId,
      answeredAt: when,
    });
  const take = async (slotId: string, [key, guardianId]: [string, string], when: Date) => {
    if (await insertTaker(db, { schoolId, slotId, householdKey: key, takenBy: guardianId, takenAt: when }))
      await countTaker(db, schoolId, slotId);
  };

  const homesA = await homesOf(classA.id);
  const crafts: TCreateEvent = {
    title: 'Juleklip og æbleskiver i 3.A',
    description:
      'Vi klipper julepynt til klassen og hygger med æbleskiver og gløgg uden alkohol. Søskende er velkomne.',
    date: schoolDay(10),
    endDate: null,
    startsAt: '16:00',
    endsAt: '18:00',
    place: 'Klasselokalet, 3.A',
    wellBeing: true,
    signUp: true,
    signUpDeadline: day(7),
    capacity: null,
    slots: [
      { title: 'Bag en kage', needed: 3 },
      { title: 'Tag en æbleskivepande med', needed: 2 },
      { title: 'Hjælp med oprydning', needed: 2 },
    ],
  };
  const craftsId = await storeEvent(
    { db, clock: { now: () => at(-4) } },
    { ...crafts, schoolId, classId: classA.id, createdBy: classA.contactTeacherId, idempotencyKey: null },
  );
  const slots = await db
    .selectFrom('event_slots')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('event_id', '=', craftsId)
    .orderBy('position')
    .execute();
  for (const [i, home] of homesA.slice(0, 12).entries()) await answer(craftsId, home, i % 6 !== 5, i, at(-3 + i / 10));
  for (const home of homesA.slice(0, 2)) await take(slots[0]!.id, home, at(-3));
  for (const home of homesA.slice(2, 4)) await take(slots[1]!.id, home, at(-2));

  if (leaderId) {
    const sportsDayId = await storeEvent(
      { db, clock: { now: () => at(-6) } },
      {
        title: 'Trivselsdag: Hele skolen løber',
        description:
          'Alle klasser løber eller går en tur rundt om skolen, og bagefter spiser vi frugt sammen i skolegården. Forældre er velkomne til at heppe.',
        date: schoolDay(21),
        endDate: null,
        startsAt: '09:00',
        endsAt: '12:00',
        place: 'Skolegården',
        wellBeing: true,
        signUp: true,
        signUpDeadline: null,
        capacity: null,
        slots: [{ title: 'Del frugt og vand ud ved målet', needed: 4 }],
        schoolId,
        classId: null,
        createdBy: leaderId,
        idempotencyKey: null,
      },
    );
    for (const [i, home] of homesA.slice(3, 6).entries()) await answer(sportsDayId, home, true, i, at(-5));
  }

  // 3.A's trip to the woods, signed up for, then cancelled yesterday for the weather.
  const woodsId = await storeEvent(
    { db, clock: { now: () => at(-8) } },
    {
      title: 'Skovtur med bål og snobrød',
      description: 'Vi går til Rosenvold skov, laver bål og bager snobrød. Tag tøj på efter vejret.',
      date: schoolDay(3),
      endDate: null,
      startsAt: '09:00',
      endsAt: '13:00',
      place: 'Rosenvold skov, p-pladsen ved Stouby',
      wellBeing: true,
      signUp: true,
      signUpDeadline: null,
      capacity: null,
      slots: [{ title: 'Tag brænde med', needed: 2 }],
      schoolId,
      classId: classA.id,
      createdBy: classA.contactTeacherId,
      idempotencyKey: null,
    },
  );
  for (const [i, home] of homesA.slice(6, 10).entries()) await answer(woodsId, home, true, i, at(-7));
  const firewood = await db
    .selectFrom('event_slots')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('event_id', '=', woodsId)
    .executeTakeFirstOrThrow();
  for (const home of homesA.slice(6, 7)) await take(firewood.id, home, at(-7));
  await storeCancellation(
    { db, clock: { now: () => at(-1) } },
    schoolId,
    woodsId,
    classA.contactTeacherId,
    'DMI varsler storm og kraftig regn på dagen, så vi aflyser af hensyn til børnenes sikkerhed. Vi finder en ny dag i foråret.',
  );

  // 7.A's lejrskole, Monday to Wednesday: no sign-up (the whole class goes), helpers for the luggage.
  const classC = classes.get('7.A');
  if (classC?.contactTeacherId) {
    const monday = campWeekFrom(day(35));
    const campId = await storeEvent(
      { db, clock: { now: () => at(-10) } },
      {
        title: 'Lejrskole på Bornholm',
        description:
          'Klassen bor på Dueodde Lejrskole og cykler til Hammershus og Ekkodalen. Pakkeliste og regler kommer i ugebrevet.',
        date: monday,
        endDate: shiftDate(monday, 2),
        startsAt: '07:30',
        endsAt: '16:00',
        place: 'Dueodde Lejrskole, Bornholm (afgang fra skolens parkeringsplads)',
        wellBeing: false,
        signUp: false,
        signUpDeadline: null,
        capacity: null,
        slots: [
          { title: 'Kør bagage til færgen mandag morgen', needed: 2 },
          { title: 'Hent bagage ved færgen onsdag', needed: 2 },
        ],
        schoolId,
        classId: classC.id,
        createdBy: classC.contactTeacherId,
        idempotencyKey: null,
      },
    );
    const luggage = await db
      .selectFrom('event_slots')
      .select('id')
      .where('school_id', '=', schoolId)
      .where('event_id', '=', campId)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    for (const home of (await homesOf(classC.id)).slice(0, 1)) await take(luggage.id, home, at(-9));
  }

  // Held this autumn: 3.A's harvest party and 5.B's trip; stored as they were, without reminders.
  const held = [
    { classId: classA.id, teacher: classA.contactTeacherId, title: 'Høstfest i 3.A', wellBeing: true, days: -40 },
    ...(classB?.contactTeacherId
      ? [{ classId: classB.id, teacher: classB.contactTeacherId, title: 'Tur til skoven', wellBeing: false, days: -25 }]
      : []),
  ];
  for (const h of held) {
    const id = await insertEvent(db, {
      title: h.title,
      description: '',
      date: day(h.days),
      endDate: null,
      startsAt: '15:00',
      endsAt: '17:00',
      place: h.wellBeing ? 'Skolegården' : 'Munkebjerg skov',
      wellBeing: h.wellBeing,
      signUp: true,
      signUpDeadline: null,
      capacity: null,
      slots: [],
      schoolId,
      classId: h.classId,
      createdBy: h.teacher,
      createdAt: at(h.days - 14),
      idempotencyKey: null,
    });
    const homes = await homesOf(h.classId);
    for (const [i, home] of homes.slice(0, 14).entries()) await answer(id, home, i % 5 !== 4, i, at(h.days - 7));
  }
}
