import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPrinciple, TProseText } from '../../../shared/principle/principle.schema.js';
import { fieldId, getIn, pathKey, type Path } from './draft-model.js';

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

function errorProps(errors: Record<string, string>, path: Path, hintId?: string) {
  const error = errors[pathKey(path)];
  const describedBy = [hintId, error ? `${fieldId(path)}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
}

export function NumberField({ path, label, hint, limits }: { path: Path; label: string; hint?: string; limits: { min: number; max: number } }) {
  const { principle, errors, readOnly, set } = useDraftForm();
  const value = getIn(principle, path);
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={errors[pathKey(path)] ? 'field field--invalid field--number' : 'field field--number'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <Problem path={path} />
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        readOnly={readOnly}
        value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
        onChange={(event) => set(path, event.target.value === '' ? Number.NaN : Number(event.target.value))}
        {...errorProps(errors, path, hintId)}
      />
    </div>
  );
}

export function CheckField({ path, label, hint }: { path: Path; label: string; hint?: string }) {
  const { principle, errors, readOnly, set } = useDraftForm();
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field field--check">
      <input id={id} type="checkbox" disabled={readOnly} checked={getIn(principle, path) === true} onChange={(event) => set(path, event.target.checked)} {...errorProps(errors, path, hintId)} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <Problem path={path} />
    </div>
  );
}

export function ChoiceField({ path, label, options }: { path: Path; label: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  const { principle, errors, readOnly, set } = useDraftForm();
  const id = fieldId(path);
  return (
    <div className={errors[pathKey(path)] ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <Problem path={path} />
      <select id={id} disabled={readOnly} value={String(getIn(principle, path) ?? '')} onChange={(event) => set(path, event.target.value)} {...errorProps(errors, path)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TimeField({ path, label }: { path: Path; label: string }) {
  const { principle, errors, readOnly, set } = useDraftForm();
  const id = fieldId(path);
  return (
    <div className={errors[pathKey(path)] ? 'field field--invalid field--number' : 'field field--number'}>
      <label htmlFor={id}>{label}</label>
      <Problem path={path} />
      <input id={id} type="time" readOnly={readOnly} value={String(getIn(principle, path) ?? '')} onChange={(event) => set(path, event.target.value)} {...errorProps(errors, path)} />
    </div>
  );
}

/** A set of choices stored as an array of the chosen values. */
export function MultiChoiceField({ path, legend, options }: { path: Path; legend: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  const { principle, errors, readOnly, set } = useDraftForm();
  const chosen = (getIn(principle, path) as string[] | undefined) ?? [];
  const id = fieldId(path);
  const toggle = (value: string, on: boolean) => set(path, on ? options.map((o) => o.value).filter((v) => v === value || chosen.includes(v)) : chosen.filter((v) => v !== value));
  return (
    <fieldset className="choice-group" id={id} tabIndex={-1} {...errorProps(errors, path)}>
      <legend>{legend}</legend>
      <Problem path={path} />
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="checkbox" disabled={readOnly} checked={chosen.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Danish (required) and English (optional) versions of one text. */
export function LocalizedTextField({ path, label, hint, max, rows = 3, multiline = true }: { path: Path; label: string; hint?: string; max: number; rows?: number; multiline?: boolean }) {
  const { t } = useTranslation();
  const { principle, errors, readOnly, set } = useDraftForm();
  const text = (getIn(principle, path) as TProseText | null) ?? { da: '', en: '' };
  const part = (locale: 'da' | 'en') => {
    const partPath = [...path, locale];
    const id = fieldId(partPath);
    const hintId = hint && locale === 'da' ? `${id}-hint` : undefined;
    const props = {
      id,
      lang: locale,
      maxLength: max,
      readOnly,
      value: text[locale] ?? '',
      onChange: (event: { target: { value: string } }) => set(partPath, event.target.value),
      ...errorProps(errors, partPath, hintId),
    };
    return (
      <div className={errors[pathKey(partPath)] ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>{t(`draft.textIn.${locale}`, { label })}</label>
        {hintId ? (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        <Problem path={partPath} />
        {multiline ? <textarea rows={rows} {...props} /> : <input type="text" {...props} />}
      </div>
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
export function OptionalPart({ path, label, make, children }: { path: Path; label: string; make: () => unknown; children: ReactNode }) {
  const { principle, readOnly, set } = useDraftForm();
  const included = getIn(principle, path) != null;
  const id = `${fieldId(path)}-included`;
  return (
    <div className="optional-part">
      <div className="field field--check">
        <input id={id} type="checkbox" disabled={readOnly} checked={included} onChange={(event) => set(path, event.target.checked ? make() : null)} />
        <label htmlFor={id}>{label}</label>
      </div>
      {included ? <div className="optional-part__body">{children}</div> : null}
    </div>
  );
}
