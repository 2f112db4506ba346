import { z } from 'zod';

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe("In the reader's language (Danish unless English was chosen)."),
    field: z.string().optional(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZUuid = z.string().uuid();
export const ZSchoolParams = z.object({ schoolId: ZUuid });
export const ZOk = z.object({ ok: z.literal(true) });
export const ZLocale = z.enum(['da', 'en']);

/**
 * Characters no text may hold: the C0 controls but tab, line feed and carriage return, DEL, the
 * C1 controls, and the bidi overrides LRO and RLO (U+202D, U+202E), which make text read
 * differently from what it holds ("gnp.exe" shown as "exe.png"). NUL breaks PostgreSQL (22021).
 */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202D\u202E]/;
/**
 * A line refuses all of that, every line break, and the bidi embeddings and isolates too
 * (U+202A–U+202E, U+2066–U+2069): a subject or a name stands in lists beside other text, where
 * one left open would turn what follows. The marks LRM, RLM and ALM stay: they open nothing.
 */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
/** Half of a surrogate pair without its other half: no UTF-8 can hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The error code of text holding a character it may not (errors.ts has its Danish and English). */
export const TEXT_ERROR_CODE = 'text_invalid_characters';

/** Whether `value` holds only characters text may hold: `line` for one line, `lines` where line breaks belong. */
export function isAllowedText(value: string, kind: 'line' | 'lines'): boolean {
  return !(kind === 'line' ? NOT_LINE : NOT_TEXT).test(value) && !LONE_SURROGATE.test(value);
}

/**
 * Every text a request carries (body field, path or query parameter, header) is one of these,
 * so it is checked in one place: a character it may not hold is a 400 `text_invalid_characters`
 * naming the field. `lines: true` for texts that may span lines (message bodies, prose); `trim`
 * (default) removes surrounding white space before the length limits.
 */
export function text(options: { max: number; min?: number; lines?: boolean; trim?: boolean }) {
  const kind = options.lines ? 'lines' : 'line';
  let schema = z.string();
  if (options.trim ?? true) schema = schema.trim();
  if (options.min !== undefined) schema = schema.min(options.min);
  return schema.max(options.max).refine((value) => isAllowedText(value, kind), {
    message: kind === 'line' ? 'Holds a control, line-break or bidi character.' : 'Holds a control character.',
    params: { code: TEXT_ERROR_CODE },
  });
}
