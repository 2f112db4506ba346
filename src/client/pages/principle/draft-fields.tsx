import { createContext, useContext, type ReactNode } from 'react';
import { useFormContext, useFormState, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TPrinciple } from '../../../shared/principle/principle.schema.js';
import { TimeInput } from '../../ui/date-field.js';
import { Frame, useFieldIds } from '../../ui/field.js';
import { fieldId, flatErrors, getIn, pathKey, type Path } from './draft-model.js';

/** A field's value as its control shows it: text for a string or number, empty for none. */
const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** Whether the reader may change the draft; the values themselves live in react-hook-form. */
export const DraftReadOnlyContext = createContext(false);

/** A path of the principle as react-hook-form names it. */
export const fieldName = (path: Path) => pathKey(path) as FieldPath<TPrinciple>;

interface DraftForm {
  principle: TPrinciple;
  errors: Record<string, string>;
  readOnly: boolean;
  set(path: Path, value: unknown): void;
}

/** The whole draft as it stands, its problems by path, and a setter, for controls that are not registered inputs. */
export function useDraftForm(): DraftForm {
  const { control, setValue } = useFormContext<TPrinciple>();
  const principle = useWatch({ control }) as TPrinciple;
  const { errors } = useFormState({ control });
  return {
    principle,
    errors: flatErrors(errors),
    readOnly: useContext(DraftReadOnlyContext),
    set: (path, value) => setValue(fieldName(path), value as never, { shouldDirty: true }),
  };
}

/** One value of the draft and its problem, watched alone, so a control re-renders only when it changes. */
function useDraftValue(path: Path) {
  const { control, setValue } = useFormContext<TPrinciple>();
  const value: unknown = useWatch({ control, name: fieldName(path) });
  return {
    value,
    set: (next: unknown) => setValue(fieldName(path), next as never, { shouldDirty: true }),
  };
}

/** The reader's text for the problem at `path`, if the last check found one. */
function useProblem(path: Path): string | undefined {
  const { errors } = useFormState<TPrinciple>({ name: fieldName(path) });
  return flatErrors(errors)[pathKey(path)];
}

function Problem({ path }: { path: Path }) {
  const error = useProblem(path);
  return error ? (
    <p className="field__error" id={`${fieldId(path)}-error`}>
      {error}
    </p>
  ) : null;
}

type ControlProps = ReturnType<typeof useFieldIds>['control'];

/** One value of the principle with its label, hint and error: the shared field frame, its ids taken from the path. */
function DraftField({
  path,
  label,
  hint,
  variant,
  children,
}: {
  path: Path;
  label: string;
  hint?: string;
  variant?: 'number' | 'check';
  children: (control: ControlProps) => ReactNode;
}) {
  const error = useProblem(path);
  const { ids, control } = useFieldIds(fieldId(path), hint, error);
  return (
    <Frame {...ids} label={label} hint={hint} error={error} variant={variant}>
      {children(control)}
    </Frame>
  );
}

export function NumberField({
  path,
  label,
  hint,
  limits,
}: {
  path: Path;
  label: string;
  hint?: string;
  limits: { min: number; max: number };
}) {
  const { register } = useFormContext<TPrinciple>();
  const readOnly = useContext(DraftReadOnlyContext);
  return (
    <DraftField path={path} label={label} hint={hint} variant="number">
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={limits.min}
          max={limits.max}
          step={1}
          readOnly={readOnly}
          // An empty field is NaN, which the model names as "write a number".
          {...register(fieldName(path), { valueAsNumber: true })}
        />
      )}
    </DraftField>
  );
}

export function CheckField({ path, label, hint }: { path: Path; label: string; hint?: string }) {
  const { register } = useFormContext<TPrinciple>();
  const readOnly = useContext(DraftReadOnlyContext);
  return (
    <DraftField path={path} label={label} hint={hint} variant="check">
      {(control) => <input {...control} type="checkbox" disabled={readOnly} {...register(fieldName(path))} />}
    </DraftField>
  );
}

export function ChoiceField({
  path,
  label,
  options,
}: {
  path: Path;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { register } = useFormContext<TPrinciple>();
  const readOnly = useContext(DraftReadOnlyContext);
  return (
    <DraftField path={path} label={label}>
      {(control) => (
        <select {...control} disabled={readOnly} {...register(fieldName(path))}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </DraftField>
  );
}

export function TimeField({ path, label }: { path: Path; label: string }) {
  const { principle, readOnly, set } = useDraftForm();
  return (
    <DraftField path={path} label={label} variant="number">
      {(control) => (
        <TimeInput
          {...control}
          readOnly={readOnly}
          value={asText(getIn(principle, path))}
          onChange={(value) => set(path, value)}
        />
      )}
    </DraftField>
  );
}

/** A set of choices stored as an array of the chosen values. */
export function MultiChoiceField({
  path,
  legend,
  options,
}: {
  path: Path;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { value, set } = useDraftValue(path);
  const readOnly = useContext(DraftReadOnlyContext);
  const chosen = (value as string[] | undefined) ?? [];
  const id = fieldId(path);
  const invalid = Boolean(useProblem(path));
  const toggle = (option: string, on: boolean) =>
    set(
      on
        ? options.map((o) => o.value).filter((v) => v === option || chosen.includes(v))
        : chosen.filter((v) => v !== option),
    );
  return (
    <fieldset
      className="choice-group"
      id={id}
      tabIndex={-1}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <Problem path={path} />
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="checkbox"
            disabled={readOnly}
            checked={chosen.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Danish (required) and English (optional) versions of one text. */
export function LocalizedTextField({
  path,
  label,
  hint,
  max,
  rows = 3,
  multiline = true,
}: {
  path: Path;
  label: string;
  hint?: string;
  max: number;
  rows?: number;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const { register } = useFormContext<TPrinciple>();
  const readOnly = useContext(DraftReadOnlyContext);
  const part = (locale: 'da' | 'en') => {
    const partPath = [...path, locale];
    const props = { lang: locale, maxLength: max, readOnly, ...register(fieldName(partPath)) };
    // The hint explains both texts, so it stands once, under the Danish label.
    return (
      <DraftField
        path={partPath}
        label={t(`draft.textIn.${locale}`, { label })}
        hint={locale === 'da' ? hint : undefined}
      >
        {(control) =>
          multiline ? <textarea rows={rows} {...control} {...props} /> : <input type="text" {...control} {...props} />
        }
      </DraftField>
    );
  };
  return (
    <div className="localized">
      {part('da')}
      {part('en')}
    </div>
  );
}

/** A part of the principle the board may leave out (`null`), with the switch that includes it. */
export function OptionalPart({
  path,
  label,
  make,
  children,
}: {
  path: Path;
  label: string;
  make: () => unknown;
  children: ReactNode;
}) {
  const { value, set } = useDraftValue(path);
  const readOnly = useContext(DraftReadOnlyContext);
  const included = value != null;
  const { ids, control } = useFieldIds(`${fieldId(path)}-included`, undefined, undefined);
  return (
    <div className="optional-part">
      <Frame {...ids} label={label} variant="check">
        <input
          {...control}
          type="checkbox"
          disabled={readOnly}
          checked={included}
          onChange={(event) => set(event.target.checked ? make() : null)}
        />
      </Frame>
      {included ? <div className="optional-part__body">{children}</div> : null}
    </div>
  );
}
