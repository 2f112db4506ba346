import type { ReactNode, Ref } from 'react';
import { useId } from 'react';

/**
 * A set of checkboxes for one list value (classes, formats, who takes part), under one legend,
 * with the group's hint and error tied to every box. The first box takes the form's ref, so a
 * group in error gets the focus as a field does.
 */
export function ChoiceGroup<V extends string>({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  onBlur,
  inputRef,
  columns = false,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: ReadonlyArray<{ value: V; label: ReactNode }>;
  value: readonly V[];
  onChange: (value: V[]) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Many short options (classes): in columns on a wide screen. */
  columns?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (option: V, checked: boolean) =>
    onChange(
      checked
        ? options.map((o) => o.value).filter((v) => v === option || value.includes(v))
        : value.filter((v) => v !== option),
    );
  return (
    <fieldset className={['choice-group', error ? 'field--invalid' : null].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className={columns ? 'choice-columns' : 'choice-group'}>
        {options.map((option, index) => (
          <label key={option.value} className="choice">
            <input
              type="checkbox"
              ref={index === 0 ? inputRef : undefined}
              value={option.value}
              checked={value.includes(option.value)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
              onBlur={onBlur}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
