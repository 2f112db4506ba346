import type { Db } from '../db/database.js';
import { storeTestResult, tellTheHome } from '../test-results/test-result.service.js';
import { markDeliveriesRead } from '../test-results/test-result.repository.js';
import type { TRecordTestResult } from '../../shared/api/test-result.schema.js';
import { DEMO_ACCOUNTS } from './demo-directory.js';
import {
  findChildOfAccountInClass,
  findClassesByName,
  findFamiliesOfSchool,
  type DemoFamilyOfClass,
} from './demo.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

const mathematics = (name: string): TRecordTestResult => ({
  kind: 'national',
  testName: 'Matematik',
  takenOn: '',
  result: `${name} klarer sig som de fleste i 3. klasse i tal og regning, og lidt bedre i geometri.`,
  meaning: `${name} er godt med. Det, der driller, er at regne med tiere over 100.`,
  nextSteps: 'Vi øver tiere i matematiktimerne de næste uger. Derhjemme kan I spille kortspil, hvor man lægger sammen.',
});

const reading = (name: string): TRecordTestResult => ({
  kind: 'local',
  testName: 'Dansk, læseforståelse',
  takenOn: '',
  result: `${name} læser sikkert og forstår både skønlitteratur og faglige tekster.`,
  meaning: 'Læsningen er ikke et problem. Lange faglige tekster tager stadig tid.',
  nextSteps:
    'I dansk arbejder vi med at skimme en tekst før læsning. Spørg gerne ind til, hvad en avisartikel handler om.',
});

/**
 * Written test results in use (folkeskoleloven § 13): 3.A's national test in mathematics three
 * weeks ago, told in writing to the homes within the principle's ten working days and read by most;
 * one home told late; one result not yet sent, on the contact teacher's work list with its
 * reminder; the demo guardian's Emma told yesterday and not yet read; and Oscar's (7.A) reading
 * test, which he reads himself. Recorded and sent through the area's own use cases, with the clock
 * of each day. Runs in the demo history's unit of work.
 */
export async function addDemoTestResults(db: Db, schoolId: string, now: Date): Promise<void> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const day = (at: Date) => at.toISOString().slice(0, 10);
  const classes = await findClassesByName(db, schoolId);
  const classA = classes.get('3.A');
  const teacherId = classA?.contactTeacherId;
  if (!classA || !teacherId) return;
  const families = await findFamiliesOfSchool(db, schoolId, [DEMO_ACCOUNTS.guardian], 400);
  const emma = await findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '3A');
  // Emma's result is the demo guardian's own, told yesterday (below).
  const seen = new Set<string>(emma ? [emma.studentId] : []);
  const pupils: DemoFamilyOfClass[] = [];
  for (const f of families)
    if (f.classId === classA.id && !seen.has(f.studentId)) {
      seen.add(f.studentId);
      pupils.push(f);
    }
  const record = (studentId: string, input: TRecordTestResult, at: Date, recordedBy = teacherId) =>
    storeTestResult(
      { db, clock: { now: () => at } },
      { ...input, schoolId, studentId, recordedBy, idempotencyKey: null },
    );
  const send = (id: string, at: Date) => tellTheHome({ db, clock: { now: () => at } }, schoolId, id, teacherId);
  const takenOn = day(ago(22 * DAY_MS));

  const told = pupils.slice(0, Math.min(9, pupils.length - 1));
  for (const [i, pupil] of told.entries()) {
    const id = await record(pupil.studentId, { ...mathematics(pupil.studentName), takenOn }, ago(20 * DAY_MS));
    // One home was told late: three weeks after the result was recorded.
    const sentAt = i === 0 ? ago(DAY_MS) : ago(19 * DAY_MS);
    await send(id, sentAt);
    if (i % 3 !== 2)
      await markDeliveriesRead(db, schoolId, pupil.guardianId, [id], new Date(sentAt.getTime() + 5 * HOUR_MS));
  }
  // A result recorded last week and not yet told: the reminder and the work list show it.
  const waiting = pupils[told.length];
  if (waiting) await record(waiting.studentId, { ...mathematics(waiting.studentName), takenOn }, ago(6 * DAY_MS));

  if (emma) {
    const id = await record(emma.studentId, { ...mathematics(emma.studentName), takenOn }, ago(2 * DAY_MS));
    await send(id, ago(DAY_MS));
  }
  const oscar = await findChildOfAccountInClass(db, schoolId, DEMO_ACCOUNTS.guardian, '7A');
  const classB = classes.get('7.A');
  if (oscar && classB?.contactTeacherId) {
    const id = await record(
      oscar.studentId,
      { ...reading(oscar.studentName), takenOn: day(ago(12 * DAY_MS)) },
      ago(11 * DAY_MS),
      classB.contactTeacherId,
    );
    await tellTheHome({ db, clock: { now: () => ago(10 * DAY_MS) } }, schoolId, id, classB.contactTeacherId);
    await markDeliveriesRead(db, schoolId, oscar.guardianId, [id], ago(9 * DAY_MS));
  }
}
