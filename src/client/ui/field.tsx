import { useId, type ComponentProps, type ReactNode } from 'react';

interface FieldFrame {
  label: string;
  hint?: ReactNode;
  error?: string;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, hint, error, hintId, errorId, children }: FieldFrame & { id: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
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
      {children}
    </div>
  );
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, id, ...input }: FieldFrame & ComponentProps<'input'>) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <Frame id={inputId} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId}>
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hintId, errorId, hint, error)} {...input} />
    </Frame>
  );
}

export function TextAreaField({ label, hint, error, id, ...area }: FieldFrame & ComponentProps<'textarea'>) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <Frame id={inputId} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId}>
      <textarea id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hintId, errorId, hint, error)} {...area} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, id, children, ...select }: FieldFrame & ComponentProps<'select'>) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <Frame id={inputId} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId}>
      <select id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hintId, errorId, hint, error)} {...select}>
        {children}
      </select>
    </Frame>
  );
}
