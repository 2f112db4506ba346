import type { Db } from '../db/database.js';
import { storeEvent } from '../events/event.service.js';
import { countTaker, findHouseholdKey, insertEvent, insertTaker, upsertAnswer } from '../events/event.repository.js';
import type { TCreateEvent } from '../../shared/api/event.schema.js';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import { findChildOfAccountInClass, findClassesByName, findFamiliesOfSchool } from './demo.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Events in use (issue 12): 3.A's Christmas crafts afternoon in ten days, made by its contact
 * teacher, with most homes signed up, two declined, the cake and the pans taken and the clearing
 * up still needing people (the teacher's home page shows it); the demo guardian has not answered
 * yet. The leader's school-wide well-being day in three weeks. Two events held this autumn (3.A's
 * harvest party and 5.B's trip to the woods) give the figure "events held" its numbers. Made with
 * the area's own use case and repository, with the clock of each day; runs in the demo history's
 * unit of work.
 */
export async function addDemoEvents(db: Db, schoolId: string, leaderId: string | undefined, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const day = (days: number) => at(days).toISOString().slice(0, 10);
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
    date: day(10),
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
        date: day(21),
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
