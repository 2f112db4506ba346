import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
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

/**
 * The editor's react-hook-form resolver: the shared model (through `validateDraft`) decides, and
 * a field in error carries the reader's text. Its values are the normalized, parsed principle
 * that the save sends.
 */
export function draftResolver(text: IssueText): Resolver<TPrinciple, unknown, TPrinciple> {
  return (values, _context, options) => {
    const result = validateDraft(values, text);
    if (result.ok) return { values: result.principle, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const [key, message] of Object.entries(result.errors)) errors[key] = { type: 'schema', message };
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/**
 * react-hook-form's nested errors as one list, by path, in the order the model found them. A
 * list's own problem (too few statements, overlapping bands) sits under `root` there and under
 * the list's path here.
 */
export function flatErrors(errors: FieldErrors | undefined): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const error = node as Partial<FieldError>;
    if (typeof error.message === 'string' && typeof error.type === 'string') {
      const key = (path[path.length - 1] === 'root' ? path.slice(0, -1) : path).join('.');
      flat[key] ??= error.message;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'ref' && key !== 'message' && key !== 'type' && key !== 'types') walk(child, [...path, key]);
    }
  };
  walk(errors, []);
  return flat;
}

/** An id for a new statement that no other statement in the list has. */
export function newStatementId(list: TStatement[], prefix: string): string {
  const taken = new Set(list.map((s) => s.id));
  let n = list.length + 1;
  while (taken.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}
