import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPrinciple, TProseText } from '../../../shared/principle/principle.schema.js';
import { TimeInput } from '../../ui/date-field.js';
import { Frame, useFieldIds } from '../../ui/field.js';
import { fieldId, getIn, pathKey, type Path } from './draft-model.js';

/** A field's value as its control shows it: text for a string or number, empty for none. */
const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

interface DraftForm {
  principle: TPrinciple;
  errors: Record<string, string>;
  readOnly: boolean;
  set(path: Path, value: unknown): void;
}

export const DraftFormContext = createContext<DraftForm | null>(null);

export function useDraftForm(): DraftForm {
  const form = useContext(DraftFormContext);
  if (!form) throw new Error('useDraftForm outside DraftFormContext');
  return form;
}

function Problem({ path }: { path: Path }) {
  const { errors } = useDraftForm();
  const error = errors[pathKey(path)];
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
  const { errors } = useDraftForm();
  const error = errors[pathKey(path)];
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
  const { principle, readOnly, set } = useDraftForm();
  const value = getIn(principle, path);
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
          value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
          onChange={(event) => set(path, event.target.value === '' ? Number.NaN : Number(event.target.value))}
        />
      )}
    </DraftField>
  );
}

export function CheckField({ path, label, hint }: { path: Path; label: string; hint?: string }) {
  const { principle, readOnly, set } = useDraftForm();
  return (
    <DraftField path={path} label={label} hint={hint} variant="check">
      {(control) => (
        <input
          {...control}
          type="checkbox"
          disabled={readOnly}
          checked={getIn(principle, path) === true}
          onChange={(event) => set(path, event.target.checked)}
        />
      )}
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
  const { principle, readOnly, set } = useDraftForm();
  return (
    <DraftField path={path} label={label}>
      {(control) => (
        <select
          {...control}
          disabled={readOnly}
          value={asText(getIn(principle, path))}
          onChange={(event) => set(path, event.target.value)}
        >
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
  const { principle, errors, readOnly, set } = useDraftForm();
  const chosen = (getIn(principle, path) as string[] | undefined) ?? [];
  const id = fieldId(path);
  const invalid = Boolean(errors[pathKey(path)]);
  const toggle = (value: string, on: boolean) =>
    set(
      path,
      on
        ? options.map((o) => o.value).filter((v) => v === value || chosen.includes(v))
        : chosen.filter((v) => v !== value),
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
  const { principle, readOnly, set } = useDraftForm();
  const text = (getIn(principle, path) as TProseText | null) ?? { da: '', en: '' };
  const part = (locale: 'da' | 'en') => {
    const partPath = [...path, locale];
    const props = {
      lang: locale,
      maxLength: max,
      readOnly,
      value: text[locale] ?? '',
      onChange: (event: { target: { value: string } }) => set(partPath, event.target.value),
    };
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
  const { principle, readOnly, set } = useDraftForm();
  const included = getIn(principle, path) != null;
  const { ids, control } = useFieldIds(`${fieldId(path)}-included`, undefined, undefined);
  return (
    <div className="optional-part">
      <Frame {...ids} label={label} variant="check">
        <input
          {...control}
          type="checkbox"
          disabled={readOnly}
          checked={included}
          onChange={(event) => set(path, event.target.checked ? make() : null)}
        />
      </Frame>
      {included ? <div className="optional-part__body">{children}</div> : null}
    </div>
  );
}
