import { z } from 'zod';
import {
  ZCreateRound,
  ZRoundFilling,
  ZRoundFormat,
  ZRoundKind,
  ZRoundStaffRole,
} from '../../../shared/api/conference.schema.js';
import { fieldProblems, type ApiError } from '../../api/api-error.js';
import { ZGrade } from '../../../shared/principle/principle.schema.js';

/** The create form's values: what the reader fills in, shaped for fields, as loose as the inputs are. */
const ZRoundFields = z.object({
  name: z.string(),
  kind: ZRoundKind,
  filling: ZRoundFilling,
  classIds: z.array(z.string()),
  /** A needs-based round's chosen students, each with their class: a class taken out takes its students with it. */
  students: z.array(z.object({ id: z.string(), classId: z.string() })),
  days: z.array(z.object({ date: z.string(), from: z.string(), to: z.string() })),
  /** One meeting length for each grade of the chosen classes; an emptied number field gives NaN. */
  minutes: z.array(z.object({ grade: ZGrade, minutes: z.number().or(z.nan()) })),
  alsoTakingPart: z.array(ZRoundStaffRole),
  /** The staff member chosen as counsellor; empty until chosen. */
  counsellorId: z.string(),
  formats: z.array(ZRoundFormat),
  videoLink: z.string(),
  /** One room for each chosen class; empty when the class has none. */
  rooms: z.array(z.object({ classId: z.string(), room: z.string() })),
  inviteOn: z.string(),
  plansBy: z.string(),
});
export type TRoundFormValues = z.input<typeof ZRoundFields>;
type TRoundFields = z.output<typeof ZRoundFields>;

/**
 * The create form's schema: its output is the request, checked by the shared `ZCreateRound` the
 * server checks it with. Every problem is reported at once, at the field it concerns: a meeting
 * length of a grade at that grade's field, a room of a class at that class's.
 */
export const ZRoundForm = ZRoundFields.transform((form, ctx) => {
  const checked = ZCreateRound.safeParse(toCreateRound(form));
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: formPath(form, issue.path).split('.') });
  return z.NEVER;
});

/** Where a problem of the request shows in the form. */
export function formPath(form: Pick<TRoundFields, 'minutes' | 'rooms'>, path: readonly PropertyKey[]): string {
  const [field, key] = path;
  if (field === 'studentIds') return 'students';
  if (field === 'minutesByGrade') {
    const index = form.minutes.findIndex((m) => String(m.grade) === String(key));
    return index < 0 ? 'minutes' : `minutes.${index}.minutes`;
  }
  if (field === 'rooms') {
    const index = form.rooms.findIndex((r) => r.classId === key);
    return index < 0 ? 'rooms' : `rooms.${index}.room`;
  }
  return path.map(String).join('.');
}

/**
 * Where the server's refusal of a create shows in the form: each field a 400 names, with the
 * plain "check the field" text, or the one field of a rule's refusal (422) with its translated text.
 * Empty when the answer names no field, so the page shows it on its own.
 */
export function serverProblems(
  form: Pick<TRoundFields, 'minutes' | 'rooms'>,
  error: ApiError,
  texts: { checkField: string; refusal: string },
): Array<{ field: string; message: string }> {
  const at = (field: string) => formPath(form, field.split('.'));
  if (error.code === 'validation_failed')
    return Object.keys(fieldProblems(error, '')).map((field) => ({ field: at(field), message: texts.checkField }));
  return error.field ? [{ field: at(error.field), message: texts.refusal }] : [];
}

/**
 * The request a form's values make: a link only with video, a counsellor only when one takes part,
 * rooms only where one is written, students only for a needs-based round and only of its classes,
 * no plan day as null.
 */
export function toCreateRound(form: TRoundFields): z.input<typeof ZCreateRound> {
  return {
    name: form.name,
    kind: form.kind,
    filling: form.filling,
    classIds: form.classIds,
    studentIds:
      form.kind === 'needs_based'
        ? form.students.filter((student) => form.classIds.includes(student.classId)).map((student) => student.id)
        : [],
    days: form.days,
    minutesByGrade: Object.fromEntries(form.minutes.map((m) => [String(m.grade), m.minutes])),
    alsoTakingPart: form.alsoTakingPart,
    counsellorId: form.alsoTakingPart.includes('counsellor') ? form.counsellorId || null : null,
    formats: form.formats,
    videoLink: form.formats.includes('video') ? form.videoLink.trim() || null : null,
    rooms: Object.fromEntries(
      form.rooms.filter((r) => form.classIds.includes(r.classId) && r.room.trim()).map((r) => [r.classId, r.room]),
    ),
    inviteOn: form.inviteOn,
    plansBy: form.plansBy === '' ? null : form.plansBy,
  };
}

/** The usual meeting length: 15 minutes up to 5th grade, 20 from 6th (the school changes it where it wants). */
export const defaultMinutes = (grade: number) => (grade <= 5 ? 15 : 20);

/** An afternoon as the form starts one: the usual hours of a conference afternoon. */
export const newDay = () => ({ date: '', from: '14:00', to: '17:30' });

export const emptyRoundForm = (): TRoundFormValues => ({
  name: '',
  kind: 'regular',
  filling: 'self_booking',
  classIds: [],
  students: [],
  days: [newDay()],
  minutes: [],
  alsoTakingPart: [],
  counsellorId: '',
  formats: ['in_person'],
  videoLink: '',
  rooms: [],
  inviteOn: '',
  plansBy: '',
});

/**
 * The meeting lengths and rooms for a new choice of classes: a length for each of their grades
 * (kept where the reader set one, else the usual) and a room for each class (kept where written),
 * both in the order of the classes offered.
 */
export function followClasses(
  classIds: readonly string[],
  offered: ReadonlyArray<{ id: string; grade: number }>,
  current: Pick<TRoundFormValues, 'minutes' | 'rooms'>,
): Pick<TRoundFormValues, 'minutes' | 'rooms'> {
  const chosen = offered.filter((klass) => classIds.includes(klass.id));
  const grades = [...new Set(chosen.map((klass) => klass.grade))].sort((a, b) => a - b);
  return {
    minutes: grades.map(
      (grade) => current.minutes.find((m) => m.grade === grade) ?? { grade, minutes: defaultMinutes(grade) },
    ),
    rooms: chosen.map((klass) => current.rooms.find((r) => r.classId === klass.id) ?? { classId: klass.id, room: '' }),
  };
}

/**
 * A class's students ticked or unticked in a needs-based round's list: the other classes' chosen
 * students are kept, and this class's are the ticked ones, in the class list's order.
 */
export function chooseClassStudents(
  chosen: TRoundFormValues['students'],
  classId: string,
  classStudentIds: readonly string[],
  ticked: readonly string[],
): TRoundFormValues['students'] {
  return [
    ...chosen.filter((student) => student.classId !== classId),
    ...classStudentIds.filter((id) => ticked.includes(id)).map((id) => ({ id, classId })),
  ];
}
