import { describe, expect, it } from 'vitest';
import { formatInstanceIssue, parseInstanceJson, validateInstance } from './validate-instance.js';

const good = {
  round: 'efterår-2026',
  days: ['2026-11-24', '2026-11-26'],
  transferMinutes: 5,
  staff: [
    {
      id: 't1',
      room: 'A12',
      available: [{ date: '2026-11-24', from: '14:00', to: '18:00' }],
      maxConsecutiveMinutes: 120,
      breakMinutes: 15,
    },
    { id: 'p1', available: [{ date: '2026-11-24', from: '14:00', to: '18:00' }] },
  ],
  interpreters: [{ id: 'i1', languages: ['ar'], available: [{ date: '2026-11-26', from: '14:00', to: '17:00' }] }],
  households: [
    {
      id: 'h1',
      language: 'ar',
      needsInterpreter: true,
      available: [{ date: '2026-11-26', from: '15:00', to: '18:00' }],
    },
  ],
  meetings: [{ id: 'm1', student: 's1', household: 'h1', staff: ['t1', 'p1'], minutes: 20, format: 'in-person' }],
};

function pathsOf(data: unknown): string[] {
  const result = validateInstance(data);
  return result.ok ? [] : result.issues.map((issue) => issue.path);
}

function withChange(change: (copy: typeof good) => void): typeof good {
  const copy = structuredClone(good);
  change(copy);
  return copy;
}

describe('validateInstance', () => {
  it('accepts the example of the spec and fills in defaults', () => {
    const result = validateInstance({ ...good, interpreters: undefined, households: [{ id: 'h1', available: [] }] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.instance.interpreters).toEqual([]);
      expect(result.instance.households[0]?.needsInterpreter).toBe(false);
    }
  });

  it('names the place of an unknown staff id, an unknown household and a meeting without staff', () => {
    const data = withChange((copy) => {
      copy.meetings.push({ id: 'm2', student: 's2', household: 'h9', staff: ['t99'], minutes: 20, format: 'phone' });
      copy.meetings.push({ id: 'm3', student: 's3', household: 'h1', staff: [], minutes: 20, format: 'phone' });
    });
    const result = validateInstance(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => formatInstanceIssue(issue, 'en'))).toEqual([
      'meetings[1].household: unknown household id "h9"',
      'meetings[1].staff[0]: unknown staff id "t99"',
      'meetings[2].staff: a meeting needs at least one staff member',
    ]);
    expect(formatInstanceIssue(result.issues[1]!, 'da')).toBe('meetings[1].staff[0]: ukendt medarbejder-id "t99"');
  });

  it('finds windows that end before they start and dates outside the round', () => {
    const data = withChange((copy) => {
      copy.staff[0]!.available.push({ date: '2026-11-25', from: '17:00', to: '16:00' });
      copy.households[0]!.available.push({ date: '2026-11-26', from: '16:00', to: '16:00' });
    });
    expect(pathsOf(data)).toEqual([
      'staff[0].available[1].date',
      'staff[0].available[1]',
      'households[0].available[1]',
    ]);
  });

  it('finds duplicate ids, an interpreter need without a language and an in-person meeting without a room', () => {
    const data = withChange((copy) => {
      copy.staff.push({ ...copy.staff[1]! });
      delete (copy.households[0] as { language?: string }).language;
      copy.meetings[0]!.staff = ['p1', 't1'];
    });
    expect(pathsOf(data)).toEqual(['staff[2].id', 'households[0].language', 'meetings[0].staff[0]']);
  });

  it('reports structural errors with their path in both languages', () => {
    const data = withChange((copy) => {
      (copy.meetings[0] as { minutes: unknown }).minutes = 'twenty';
      (copy.staff[0]!.available[0] as { from: string }).from = '2pm';
    });
    const result = validateInstance(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual([
      'meetings[0].minutes',
      'staff[0].available[0].from',
    ]);
    expect(result.issues.every((issue) => issue.message.da !== '' && issue.message.en !== '')).toBe(true);
  });

  it('reports text that is not JSON', () => {
    const result = parseInstanceJson('{"round": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatInstanceIssue(result.issues[0]!, 'en')).toMatch(/^the file is not valid JSON/);
  });
});
