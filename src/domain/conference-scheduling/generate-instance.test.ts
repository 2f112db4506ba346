import { describe, expect, it } from 'vitest';
import { generateSchoolInstance } from './generate-instance.js';
import { validateInstance } from './validate-instance.js';

describe('generateSchoolInstance', () => {
  it.each([1, 2, 3])('makes a valid whole school that looks like a Danish folkeskole (seed %i)', (seed) => {
    const instance = generateSchoolInstance({ seed });
    expect(validateInstance(instance).ok).toBe(true);

    const classes = new Map<string, Set<string>>();
    for (const meeting of instance.meetings) {
      const students = classes.get(meeting.label ?? '') ?? new Set<string>();
      students.add(meeting.student);
      classes.set(meeting.label ?? '', students);
    }
    const grades = new Map<number, number>();
    for (const name of classes.keys())
      grades.set(Number(name.split('.')[0]), (grades.get(Number(name.split('.')[0])) ?? 0) + 1);
    expect([...grades.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const count of grades.values()) {
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(3);
    }
    for (const students of classes.values()) {
      expect(students.size).toBeGreaterThanOrEqual(20);
      expect(students.size).toBeLessThanOrEqual(25);
    }

    const studentCount = new Set(instance.meetings.map((meeting) => meeting.student)).size;
    const householdsOf = new Map<string, Set<string>>();
    const childrenOf = new Map<string, Set<string>>();
    for (const meeting of instance.meetings) {
      householdsOf.set(meeting.student, (householdsOf.get(meeting.student) ?? new Set()).add(meeting.household));
      childrenOf.set(meeting.household, (childrenOf.get(meeting.household) ?? new Set()).add(meeting.student));
    }
    const withSiblings = [...householdsOf].filter(([, households]) =>
      [...households].some((h) => (childrenOf.get(h)?.size ?? 0) > 1),
    ).length;
    const twoHouseholds = [...householdsOf.values()].filter((households) => households.size === 2).length;
    expect(withSiblings / studentCount).toBeGreaterThan(0.25);
    expect(withSiblings / studentCount).toBeLessThan(0.36);
    expect(twoHouseholds / studentCount).toBeGreaterThan(0.04);
    expect(twoHouseholds / studentCount).toBeLessThan(0.13);
    const interpreterShare =
      instance.households.filter((household) => household.needsInterpreter).length / instance.households.length;
    expect(interpreterShare).toBeGreaterThan(0.02);
    expect(interpreterShare).toBeLessThan(0.1);

    const teachers = instance.staff.filter((member) => member.label?.startsWith('kontaktlærer'));
    expect(teachers).toHaveLength(classes.size);
    for (const teacher of teachers)
      expect([2, 3]).toContain(new Set(teacher.available.map((window) => window.date)).size);
    expect(instance.staff.length).toBeGreaterThanOrEqual(30);
    expect(instance.meetings.length).toBeGreaterThanOrEqual(550);
  });

  it('gives the same round for the same seed and a smaller school when asked for fewer classes', () => {
    expect(generateSchoolInstance({ seed: 9, classes: 4 })).toEqual(generateSchoolInstance({ seed: 9, classes: 4 }));
    const one = generateSchoolInstance({ seed: 9, classes: 1 });
    expect(new Set(one.meetings.map((meeting) => meeting.label))).toEqual(new Set(['0.A']));
    expect(validateInstance(one).ok).toBe(true);
  });
});
