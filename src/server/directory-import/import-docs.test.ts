import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportText } from './import-parse.js';
import { emptySnapshot, planImport } from './import-plan.js';

// The examples in docs/IMPORT.md are what schools copy: they must import without a single issue.
const guide = readFileSync(new URL('../../../docs/IMPORT.md', import.meta.url), 'utf8');
const examples = [...guide.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('the examples in docs/IMPORT.md', () => {
  it('are there', () => expect(examples).toHaveLength(2));

  it.each(examples.map((text, i) => [i + 1, text] as const))('example %i imports cleanly', (_, text) => {
    const parsed = parseImportText(text, 'utf-8');
    const { issues, warnings, plan } = planImport(
      { headers: parsed.headers, rows: parsed.rows, rawIssues: parsed.issues },
      emptySnapshot(),
    );
    expect(issues).toEqual([]);
    expect(warnings).toEqual([]);
    expect(plan.counts.students.created).toBeGreaterThan(0);
  });

  it('show every legal situation the format carries', () => {
    const { plan } = planImport(parseImportText(examples[0]!, 'utf-8'), emptySnapshot());
    expect(plan.people.some((p) => p.values.address_protected)).toBe(true);
    expect(plan.people.some((p) => p.values.suspended && p.values.suspended_reason)).toBe(true);
    expect(plan.relations.some((r) => r.kind === 'information_right')).toBe(true);
    expect(plan.people.some((p) => p.values.needs_interpreter)).toBe(true);
    expect(plan.people.some((p) => p.representativeOf?.length)).toBe(true);
    expect(plan.people.some((p) => p.roles?.roles.includes('board_member') && p.type === 'guardian')).toBe(true);
  });
});
