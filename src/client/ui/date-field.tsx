import { useState, type ComponentProps, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import {
  Controller,
  type Control,
  type ControllerRenderProps,
  type FieldPathByValue,
  type FieldValues,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  describeDate,
  formatDateText,
  isHhMm,
  isIsoDate,
  isoDateOf,
  parseDateText,
  parseTimeText,
  stepDate,
} from './date-text.js';
import { Frame, useFieldIds } from './field.js';
import '../styles/date-field.css';

type InputProps = Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type' | 'defaultValue' | 'ref'>;

interface TypedValue {
  /** The ISO text (`2026-12-03`, `08:30`), `''` when empty, or the typed text when it is neither, so a schema refuses it. */
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The text a field shows for the value it was given, kept while the reader types and replaced
 * only when the value changes from outside (a reset, a language switch).
 */
function useShownText(value: string, show: (value: string) => string, language: string) {
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(`${language}|${value}`);
  if (seen !== `${language}|${value}`) {
    setSeen(`${language}|${value}`);
    setText(show(value));
  }
  /** The reader typed: keep their text and remember the value it gave, so it is not shown anew. */
  const typed = (nextText: string, nextValue: string) => {
    setText(nextText);
    setSeen(`${language}|${nextValue}`);
  };
  return { text, setText, typed };
}

/**
 * A date typed as people write it in the UI's language ("03.12.2026", "3 Dec 2026"), emitting the
 * ISO date. A text field rather than `<input type="date">`, whose format follows the browser's
 * language instead of the page's. Arrow up and down move a day; leaving the field writes the date
 * out in full.
 */
export function DateInput({ value, onChange, inputRef, onBlur, onKeyDown, ...input }: TypedValue & InputProps) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const show = (v: string) => formatDateText(v, language);
  const { text, setText, typed } = useShownText(value, show, language);

  const emit = (nextText: string, nextValue: string) => {
    typed(nextText, nextValue);
    onChange(nextValue);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (input.readOnly || input.disabled || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const current = parseDateText(text, language);
    const next = current ? stepDate(current, event.key === 'ArrowUp' ? 1 : -1) : isoDateOf(new Date());
    if (next) emit(show(next), next);
  };

  return (
    <input
      {...input}
      ref={inputRef}
      type="text"
      className={['date-input', input.className].filter(Boolean).join(' ')}
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(event) => {
        const nextText = event.target.value;
        emit(nextText, nextText.trim() === '' ? '' : (parseDateText(nextText, language) ?? nextText.trim()));
      }}
      onBlur={(event) => {
        const iso = parseDateText(text, language);
        if (iso) setText(show(iso));
        onBlur?.(event);
      }}
      onKeyDown={keyDown}
    />
  );
}

/** A time of day in 24 hours (`08:30`), read from "8", "8.30", "0830" and the like. */
export function TimeInput({ value, onChange, inputRef, onBlur, ...input }: TypedValue & InputProps) {
  const { i18n } = useTranslation();
  const { text, setText, typed } = useShownText(value, (v) => v, i18n.language);
  return (
    <input
      inputMode="numeric"
      {...input}
      ref={inputRef}
      type="text"
      className={['time-input', input.className].filter(Boolean).join(' ')}
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(event) => {
        const nextText = event.target.value;
        const nextValue = nextText.trim() === '' ? '' : (parseTimeText(nextText) ?? nextText.trim());
        typed(nextText, nextValue);
        onChange(nextValue);
      }}
      onBlur={(event) => {
        const time = parseTimeText(text);
        if (time) setText(time);
        onBlur?.(event);
      }}
    />
  );
}

interface FieldProps extends TypedValue, InputProps {
  label: string;
  hint?: ReactNode;
  error?: string;
}

/**
 * The reader's own slip, shown once they leave the field: a text that is no date (or time) says
 * so in the reader's language before any schema or server does.
 */
function useSlip(value: string, valid: (value: string) => boolean) {
  const [left, setLeft] = useState(false);
  const slipped = left && value !== '' && !valid(value);
  return { slipped, leave: () => setLeft(true) };
}

/** A labelled date field in the UI's language, with the format as hint and the date read back in words. */
export function DateField({ label, hint, error, id, onBlur, ...props }: FieldProps) {
  const { t, i18n } = useTranslation();
  const iso = isIsoDate(props.value) ? props.value : '';
  const { slipped, leave } = useSlip(props.value, isIsoDate);
  const shownError = slipped ? t('dateField.invalid') : error;
  const fullHint = (
    <>
      {hint ? <>{hint} </> : null}
      {t('dateField.hint')}
    </>
  );
  const { ids, control } = useFieldIds(id, fullHint, shownError);
  const saidId = `${ids.id}-said`;
  const said = iso ? describeDate(iso, i18n.language) : '';
  return (
    <Frame {...ids} label={label} hint={fullHint} error={shownError}>
      <DateInput
        {...props}
        {...control}
        aria-describedby={[control['aria-describedby'], said ? saidId : null].filter(Boolean).join(' ') || undefined}
        onBlur={(event) => {
          leave();
          onBlur?.(event);
        }}
      />
      {said ? (
        <p className="field__said" id={saidId}>
          {said}
        </p>
      ) : null}
    </Frame>
  );
}

/** A labelled 24-hour time field (`08:30`). */
export function TimeField({ label, hint, error, id, onBlur, ...props }: FieldProps) {
  const { t } = useTranslation();
  const { slipped, leave } = useSlip(props.value, isHhMm);
  const shownError = slipped ? t('timeField.invalid') : error;
  const fullHint = (
    <>
      {hint ? <>{hint} </> : null}
      {t('timeField.hint')}
    </>
  );
  const { ids, control } = useFieldIds(id, fullHint, shownError);
  return (
    <Frame {...ids} label={label} hint={fullHint} error={shownError}>
      <TimeInput
        {...props}
        {...control}
        onBlur={(event) => {
          leave();
          onBlur?.(event);
        }}
      />
    </Frame>
  );
}

/** A date or time field bound to a react-hook-form field by name: its value, changes, blur and focus. */
type FormFieldProps<T extends FieldValues> = Omit<FieldProps, keyof TypedValue | 'name'> & {
  control: Control<T>;
  name: FieldPathByValue<T, string>;
};

/** What the field takes of a react-hook-form field. */
type BoundField = Pick<ControllerRenderProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'ref'>;

/** The field, given a react-hook-form field's value, changes, blur and focus. */
function boundTo(Field: (props: FieldProps) => ReactNode, props: Omit<FieldProps, keyof TypedValue | 'name'>) {
  return function render({ field }: { field: BoundField }) {
    return (
      <Field
        {...props}
        name={field.name}
        value={field.value as string}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
      />
    );
  };
}

/** `DateField` for a react-hook-form field. */
export function FormDateField<T extends FieldValues>({ control, name, ...props }: FormFieldProps<T>) {
  return <Controller control={control} name={name} render={boundTo(DateField, props)} />;
}

/** `TimeField` for a react-hook-form field. */
export function FormTimeField<T extends FieldValues>({ control, name, ...props }: FormFieldProps<T>) {
  return <Controller control={control} name={name} render={boundTo(TimeField, props)} />;
}
