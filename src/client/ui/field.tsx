import { useId, type ComponentProps, type ReactNode } from 'react';

interface FieldFrame {
  label: string;
  hint?: ReactNode;
  error?: string;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
}

/**
 * The label, hint and error around one control. `number` keeps a short input narrow; `check` puts
 * a checkbox before its label, as people expect to find it.
 */
export function Frame({
  id,
  label,
  hint,
  error,
  hintId,
  errorId,
  variant,
  children,
}: FieldFrame & { id: string; hintId: string; errorId: string; variant?: 'number' | 'check'; children: ReactNode }) {
  const className = ['field', variant ? `field--${variant}` : null, error ? 'field--invalid' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      {variant === 'check' ? children : null}
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {variant === 'check' ? null : children}
    </div>
  );
}

/** The ids that tie a control to its label, hint and error, and the attributes the control needs. */
export function useFieldIds(id: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const inputId = id ?? generated;
  const ids = { id: inputId, hintId: `${inputId}-hint`, errorId: `${inputId}-error` };
  const control = {
    id: inputId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(ids.hintId, ids.errorId, hint, error),
  } as const;
  return { ids, control };
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, id, ...input }: FieldFrame & ComponentProps<'input'>) {
  const { ids, control } = useFieldIds(id, hint, error);
  return (
    <Frame {...ids} label={label} hint={hint} error={error}>
      <input {...control} {...input} />
    </Frame>
  );
}

export function TextAreaField({ label, hint, error, id, ...area }: FieldFrame & ComponentProps<'textarea'>) {
  const { ids, control } = useFieldIds(id, hint, error);
  return (
    <Frame {...ids} label={label} hint={hint} error={error}>
      <textarea {...control} {...area} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, id, children, ...select }: FieldFrame & ComponentProps<'select'>) {
  const { ids, control } = useFieldIds(id, hint, error);
  return (
    <Frame {...ids} label={label} hint={hint} error={error}>
      <select {...control} {...select}>
        {children}
      </select>
    </Frame>
  );
}
