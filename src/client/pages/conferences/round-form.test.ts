import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.js';
import {
  chooseClassStudents,
  emptyRoundForm,
  followClasses,
  serverProblems,
  ZRoundForm,
  type TRoundFormValues,
} from './round-form.js';

const A3 = '11111111-1111-4111-8111-111111111111';
const A7 = '22222222-2222-4222-8222-222222222222';
const B7 = '33333333-3333-4333-8333-333333333333';
const EMMA = '44444444-4444-4444-8444-444444444444';
const NOAH = '55555555-5555-4555-8555-555555555555';
const LIV = '66666666-6666-4666-8666-666666666666';
const offered = [
  { id: A3, grade: 3 },
  { id: A7, grade: 7 },
  { id: B7, grade: 7 },
];

const filled = (overrides: Partial<TRoundFormValues> = {}): TRoundFormValues => ({
  ...emptyRoundForm(),
  name: ' Vinterens samtaler ',
  classIds: [A3, A7],
  days: [{ date: '2027-01-19', from: '14:00', to: '17:30' }],
  minutes: [
    { grade: 3, minutes: 15 },
    { grade: 7, minutes: 20 },
  ],
  rooms: [
    { classId: A3, room: 'Lokale 12' },
    { classId: A7, room: '' },
  ],
  inviteOn: '2026-12-15',
  ...overrides,
});

const problems = (values: TRoundFormValues) => {
  const result = ZRoundForm.safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('the conference round form', () => {
  it('makes the request the server checks: lengths by grade, rooms only where written, a link only with video', () => {
    const result = ZRoundForm.parse(filled({ videoLink: 'https://meet.example.dk/typed-before-video-was-unticked' }));
    expect(result).toMatchObject({
      name: 'Vinterens samtaler',
      minutesByGrade: { '3': 15, '7': 20 },
      rooms: { [A3]: 'Lokale 12' },
      videoLink: null,
      plansBy: null,
    });
    expect(ZRoundForm.parse(filled({ formats: ['video'], videoLink: 'https://meet.example.dk/3a' })).videoLink).toBe(
      'https://meet.example.dk/3a',
    );
  });

  it('reports every problem at once, each at the field it concerns', () => {
    const values = filled({
      name: '',
      classIds: [],
      days: [
        { date: '2027-01-19', from: '17:00', to: '14:00' },
        { date: '19.01', from: '14:00', to: '15:00' },
      ],
      minutes: [
        { grade: 3, minutes: Number.NaN },
        { grade: 7, minutes: 200 },
      ],
      formats: ['video'],
      videoLink: '',
      inviteOn: '2027-02-01',
    });
    expect(problems(values)).toEqual(
      expect.arrayContaining([
        'name',
        'classIds',
        'days.0.to',
        'days.1.date',
        'minutes.0.minutes',
        'minutes.1.minutes',
      ]),
    );
    // The shared schema weighs fields against each other once each is right on its own.
    expect(problems(filled({ inviteOn: '2027-02-01' }))).toEqual(['inviteOn']);
    expect(problems(filled({ formats: ['video'], videoLink: '' }))).toEqual(['videoLink']);
    expect(problems(filled({ formats: [] }))).toEqual(['formats']);
  });

  it('follows the chosen classes: one length per grade (the usual or the one set), one room per class', () => {
    const first = followClasses([A3], offered, { minutes: [], rooms: [] });
    expect(first).toEqual({ minutes: [{ grade: 3, minutes: 15 }], rooms: [{ classId: A3, room: '' }] });
    const more = followClasses([A3, A7, B7], offered, {
      minutes: [{ grade: 3, minutes: 25 }],
      rooms: [{ classId: A3, room: 'Lokale 12' }],
    });
    expect(more.minutes).toEqual([
      { grade: 3, minutes: 25 },
      { grade: 7, minutes: 20 },
    ]);
    expect(more.rooms.map((r) => r.classId)).toEqual([A3, A7, B7]);
    expect(more.rooms[0]?.room).toBe('Lokale 12');
    expect(followClasses([B7], offered, more)).toEqual({
      minutes: [{ grade: 7, minutes: 20 }],
      rooms: [{ classId: B7, room: '' }],
    });
  });

  it("puts the server's refusals at their fields: a rule's in its words, a 400's fields with the plain text", () => {
    const texts = { checkField: 'Tjek feltet.', refusal: 'Skolens princip giver ikke plads til en behovsrunde.' };
    const refusal = (code: string, field?: string, details?: unknown) =>
      new ApiError(code === 'validation_failed' ? 400 : 422, code, '', null, field, details);
    const form = filled();
    expect(serverProblems(form, refusal('round_needs_based_not_allowed', 'kind'), texts)).toEqual([
      { field: 'kind', message: texts.refusal },
    ]);
    expect(serverProblems(form, refusal('round_minutes_missing', 'minutesByGrade'), texts)).toEqual([
      { field: 'minutes', message: texts.refusal },
    ]);
    const invalid = refusal('validation_failed', undefined, [
      { field: 'minutesByGrade.7', message: 'Too big' },
      { field: `rooms.${A3}`, message: 'Too long' },
      { field: 'days.0.to', message: 'Invalid' },
    ]);
    expect(serverProblems(form, invalid, texts)).toEqual([
      { field: 'minutes.1.minutes', message: 'Tjek feltet.' },
      { field: 'rooms.0.room', message: 'Tjek feltet.' },
      { field: 'days.0.to', message: 'Tjek feltet.' },
    ]);
    // An answer about no field (a server fault, a lost connection) is the page's to show.
    expect(serverProblems(form, new ApiError(500, 'internal', '', 'req-1', undefined, undefined), texts)).toEqual([]);
  });

  it('sends a needs-based round’s students, only of the chosen classes, and a regular round’s none', () => {
    const students = [
      { id: EMMA, classId: A3 },
      { id: LIV, classId: B7 },
    ];
    expect(ZRoundForm.parse(filled({ kind: 'needs_based', students })).studentIds).toEqual([EMMA]);
    expect(ZRoundForm.parse(filled({ kind: 'regular', students })).studentIds).toEqual([]);
    // None chosen (or only of a class taken out): the list is the field in error.
    expect(problems(filled({ kind: 'needs_based', students: [] }))).toEqual(['students']);
    expect(problems(filled({ kind: 'needs_based', students: [{ id: LIV, classId: B7 }] }))).toEqual(['students']);
    const texts = { checkField: 'Tjek feltet.', refusal: 'Vælg kun elever fra rundens klasser.' };
    expect(
      serverProblems(
        filled(),
        new ApiError(422, 'round_student_not_in_classes', '', null, 'studentIds', undefined),
        texts,
      ),
    ).toEqual([{ field: 'students', message: texts.refusal }]);
  });

  it('ticks a class’s students in the class list’s order and keeps the other classes’ choices', () => {
    const chosen = chooseClassStudents([{ id: LIV, classId: B7 }], A3, [EMMA, NOAH], [NOAH, EMMA]);
    expect(chosen).toEqual([
      { id: LIV, classId: B7 },
      { id: EMMA, classId: A3 },
      { id: NOAH, classId: A3 },
    ]);
    expect(chooseClassStudents(chosen, A3, [EMMA, NOAH], [NOAH])).toEqual([
      { id: LIV, classId: B7 },
      { id: NOAH, classId: A3 },
    ]);
  });
});
