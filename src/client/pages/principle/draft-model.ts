import type { z } from 'zod';
import {
  PROSE_SECTION_IDS,
  ZPrinciple,
  type TPrinciple,
  type TProseText,
  type TStatement,
} from '../../../shared/principle/principle.schema.js';

export type Path = ReadonlyArray<string | number>;

export const pathKey = (path: Path) => path.join('.');
export const fieldId = (path: Path) => `f-${path.join('-')}`;

export function getIn(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node == null ? undefined : (node as Record<string | number, unknown>)[key]),
    value,
  );
}

/** A copy of `value` with the thing at `path` replaced; untouched branches are shared. */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const node = value as unknown as Record<string | number, unknown> | unknown[];
  const child = setIn((node as Record<string | number, unknown>)[head], rest, next);
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[head as number] = child;
    return copy as T;
  }
  return { ...(node as object), [head]: child } as T;
}

const NULLABLE_PROSE = PROSE_SECTION_IDS.filter((id) => id !== 'purpose');

function tidyText(text: TProseText): TProseText {
  const en = text.en?.trim();
  return en ? { da: text.da, en: text.en } : { da: text.da };
}

const isBlank = (text: TProseText | null) => !text || (text.da.trim() === '' && !(text.en ?? '').trim());

/**
 * The editor keeps empty optional sections as empty text so they can be typed into; before
 * validation an empty optional section becomes `null` ("the principle says nothing") and an
 * empty English text is left out, as the model expects.
 */
export function normalizeDraft(principle: TPrinciple): TPrinciple {
  const texts = { ...principle.texts };
  texts.purpose = tidyText(texts.purpose);
  for (const id of NULLABLE_PROSE) {
    const text = texts[id];
    texts[id] = isBlank(text) ? null : tidyText(text!);
  }
  const statements = (list: TStatement[]) => list.map((s) => ({ ...s, text: tidyText(s.text) }));
  return {
    ...principle,
    texts,
    aspects: principle.aspects.map((aspect) => ({
      ...aspect,
      title: tidyText(aspect.title),
      intro: tidyText(aspect.intro),
      meansThat: statements(aspect.meansThat),
      seenWhen: statements(aspect.seenWhen),
    })),
  };
}

/** Optional prose sections the principle leaves out are shown as empty fields to type into. */
export function editableDraft(principle: TPrinciple): TPrinciple {
  const texts = { ...principle.texts };
  for (const id of NULLABLE_PROSE) texts[id] ??= { da: '', en: '' };
  return { ...principle, texts };
}

export type IssueText = (issue: z.core.$ZodIssue) => string;

/** Validates the draft with the shared model; problems come back by field path in the reader's words. */
export function validateDraft(
  principle: TPrinciple,
  text: IssueText,
): { ok: true; principle: TPrinciple } | { ok: false; errors: Record<string, string> } {
  const normalized = normalizeDraft(principle);
  const result = ZPrinciple.safeParse(normalized);
  if (result.success) return { ok: true, principle: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = pathKey(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    errors[key] ??= text(issue);
  }
  return { ok: false, errors };
}

/** An id for a new statement that no other statement in the list has. */
export function newStatementId(list: TStatement[], prefix: string): string {
  const taken = new Set(list.map((s) => s.id));
  let n = list.length + 1;
  while (taken.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}
