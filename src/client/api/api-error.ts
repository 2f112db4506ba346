import { ERROR_MESSAGES, errorMessage, type ErrorCode, type Locale } from '../../shared/errors.js';

/** One problem with one form field, as the server or the shared schema reported it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An `{ error }` answer from the API, kept with its code so the text can be re-translated when
 * the reader switches language. `network` means the server could not be reached at all.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    readonly requestId: string | null,
    readonly field: string | undefined,
    readonly details: unknown,
  ) {
    super(`${status} ${code}`);
  }

  get isServerFault(): boolean {
    return this.status >= 500;
  }
}

const isKnownCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_MESSAGES, code);

/**
 * The reader-facing text of an API error in the given language. Known codes are translated
 * here; where a message needs values only the server knows (minutes left of a lock), the
 * server's text is used, which is already in the reader's language through the language cookie.
 */
export function describeApiError(error: ApiError, locale: Locale, networkText: string): string {
  if (error.code === 'network') return networkText;
  if (!isKnownCode(error.code)) return error.serverMessage;
  const params: Record<string, string | number> = {};
  if (error.requestId) params.requestId = error.requestId;
  const text = errorMessage(error.code, locale, params);
  return /\{\w+\}/.test(text) && error.serverMessage ? error.serverMessage : text;
}

/**
 * Field-level problems of a 400 `validation_failed` answer, by field path. The server's `details`
 * is a list of `{ field, message }`; its messages are technical, so the field is marked with the
 * caller's plain text instead.
 */
export function fieldProblems(error: ApiError, plainText: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (Array.isArray(error.details)) {
    for (const item of error.details) {
      if (
        item &&
        typeof item === 'object' &&
        'field' in item &&
        typeof item.field === 'string' &&
        item.field &&
        !('line' in item)
      ) {
        problems[item.field] ??= plainText;
      }
    }
  }
  if (error.field && !problems[error.field]) problems[error.field] = plainText;
  return problems;
}
