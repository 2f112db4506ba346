import { zodResolver } from '@hookform/resolvers/zod';
import {
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type UseFormSetError,
} from 'react-hook-form';
import type { z } from 'zod';
import { fieldProblems, type ApiError } from '../api/api-error.js';

/**
 * A form checked by the shared Zod schema the server checks the request with (react-hook-form
 * with its Zod resolver): nothing is sent while the schema refuses it, the first field in error
 * gets the focus, and `handleSubmit` hands the schema's output (trimmed, defaulted) to the send.
 * The schema's messages are technical: a page shows the reader's own text for a field in error.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
) {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onSubmit',
    // Once a field was found wrong, it is checked again as the reader corrects it.
    reValidateMode: 'onChange',
  });
}

/** What a field in error says: the server's verdict as it was worded, or the page's own text where the schema refused it. */
export function problemText(error: FieldError | undefined, text: string): string | undefined {
  if (!error) return undefined;
  return error.type === 'server' && error.message ? error.message : text;
}

/** Marks the fields a 400 `validation_failed` answer named, so the server's verdict shows where the schema's would. */
export function showServerProblems<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: ApiError,
  text: string,
): void {
  for (const field of Object.keys(fieldProblems(error, text))) {
    setError(field as Path<T>, { type: 'server', message: text });
  }
}
