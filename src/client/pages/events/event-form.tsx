import { useState, type ComponentProps } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { eventContracts } from '../../../shared/api/event.contract.js';
import {
  EVENT_PLACE_MAX,
  EVENT_SLOT_TITLE_MAX,
  EVENT_SLOTS_MAX,
  EVENT_TITLE_MAX,
  ZCreateEvent,
  type TChangeEvent,
  type TCreateEvent,
  type TEvent,
  type TEventList,
} from '../../../shared/api/event.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { api } from '../../api/http.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useAction } from '../../app/query.js';
import { ActionError } from '../../ui/errors.js';
import { FormDateField, FormTimeField } from '../../ui/date-field.js';
import { Frame, SelectField, TextAreaField, TextField, useFieldIds } from '../../ui/field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';

/** A whole number from 1 typed as text, or (where it may be left out) nothing. */
const countText = (optional: boolean) =>
  z
    .string()
    .trim()
    .regex(optional ? /^(|[1-9]\d{0,3})$/ : /^[1-9]\d?$/);

/** An optional day: '' for none. */
const optionalDay = z.union([z.literal(''), z.iso.date()]);

/**
 * The form's schema, for a new event and for a change: the shared `ZCreateEvent` with what a form
 * holds as text (an empty last day or deadline, numbers typed as text), the class it is for ('' for
 * the whole school) and each slot's id ('' for a new one). `toCreateBody` and `toChangeBody` turn
 * it into the request, which the server checks with `ZCreateEvent` or `ZChangeEvent` itself.
 */
const ZEventForm = ZCreateEvent.extend({
  forClass: z.string(),
  endDate: optionalDay,
  signUpDeadline: optionalDay,
  capacity: countText(true),
  slots: z
    .array(
      z.object({
        /** The slot's id ('' for a new one); not `id`, which the field array keeps for itself. */
        slotId: z.string(),
        title: ZCreateEvent.shape.slots.element.shape.title,
        needed: countText(false),
      }),
    )
    .max(EVENT_SLOTS_MAX),
});
type FormValues = z.output<typeof ZEventForm>;

/** What both requests share: the last day, the deadline and the capacity as the server reads them. */
function commonBody({ endDate, signUpDeadline, capacity, signUp }: FormValues) {
  return {
    endDate: endDate || null,
    signUpDeadline: signUp && signUpDeadline ? signUpDeadline : null,
    capacity: signUp && capacity ? Number(capacity) : null,
  };
}

function toCreateBody(values: FormValues): { classId: string | null; body: TCreateEvent } {
  const { forClass, slots, ...rest } = values;
  const body = {
    ...rest,
    ...commonBody(values),
    slots: slots.map((slot) => ({ title: slot.title, needed: Number(slot.needed) })),
  };
  return { classId: forClass || null, body };
}

function toChangeBody(values: FormValues): TChangeEvent {
  const { title, description, date, startsAt, endsAt, place, wellBeing, slots } = values;
  return {
    title,
    description,
    date,
    startsAt,
    endsAt,
    place,
    wellBeing,
    ...commonBody(values),
    slots: slots.map((slot) => ({ id: slot.slotId || null, title: slot.title, needed: Number(slot.needed) })),
  };
}

/** The event as the form's starting values, for a change. */
function valuesOf(event: TEvent): z.input<typeof ZEventForm> {
  return {
    forClass: event.class?.id ?? '',
    title: event.title,
    description: event.description,
    date: event.date,
    endDate: event.endDate ?? '',
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    wellBeing: event.wellBeing,
    signUp: event.signUp,
    signUpDeadline: event.signUpDeadline ?? '',
    capacity: event.capacity === null ? '' : String(event.capacity),
    slots: event.slots.map((slot) => ({ slotId: slot.id, title: slot.title, needed: String(slot.needed) })),
  };
}

function CheckField({ label, hint, ...input }: { label: string; hint?: string } & ComponentProps<'input'>) {
  const { ids, control } = useFieldIds(undefined, hint, undefined);
  return (
    <Frame label={label} hint={hint} variant="check" {...ids}>
      <input type="checkbox" {...control} {...input} />
    </Frame>
  );
}

/**
 * A new event: for the school (the leadership) or one of the caller's classes; when (one day, or
 * several) and where; a well-being event or not; sign-up with a deadline and a capacity; volunteer
 * slots. Given an `event`, the organiser's change of it instead: the class and whether homes sign
 * up stay; a slot a home has taken keeps its name and cannot be removed.
 */
export function EventForm({
  schoolId,
  list,
  event,
  onChanged,
}:
  | { schoolId: string; list: TEventList; event?: undefined; onChanged?: undefined }
  | { schoolId: string; list?: undefined; event: TEvent; onChanged: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const defaults: z.input<typeof ZEventForm> = event
    ? valuesOf(event)
    : {
        forClass: list.mayCreateSchoolEvent ? '' : (list.classesToOrganise[0]?.id ?? ''),
        title: '',
        description: '',
        date: '',
        endDate: '',
        startsAt: '',
        endsAt: '',
        place: '',
        wellBeing: false,
        signUp: true,
        signUpDeadline: '',
        capacity: '',
        slots: [],
      };
  const form = useSchemaForm(ZEventForm, defaults);
  const { control, register, watch } = form;
  const slots = useFieldArray({ control, name: 'slots' });
  const [key, setKey] = useState(newIdempotencyKey);
  const save = useAction((values: FormValues) => {
    if (event)
      return api(eventContracts.change, { params: { schoolId, eventId: event.id }, body: toChangeBody(values) });
    const { classId, body } = toCreateBody(values);
    const headers = { [IDEMPOTENCY_KEY_HEADER]: key };
    return classId
      ? api(eventContracts.createForClass, { params: { schoolId, classId }, body, headers })
      : api(eventContracts.createForSchool, { params: { schoolId }, body, headers });
  });
  const errors = form.formState.errors;
  const signUp = watch('signUp');
  const slotValues = watch('slots');
  /** Homes that have taken the slot at `index` of the event being changed (0 for a new slot). */
  const takenAt = (index: number) => event?.slots.find((slot) => slot.id === slotValues[index]?.slotId)?.taken ?? 0;
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(submitted) =>
        void form.handleSubmit(async (input) => {
          const saved = await save.run(input);
          if (!saved) return;
          if (event) onChanged();
          else {
            setKey(newIdempotencyKey());
            void navigate(paths.event(schoolId, saved.id));
          }
        })(submitted)
      }
    >
      {list ? (
        <SelectField label={t('events.form.for')} {...register('forClass')}>
          {list.mayCreateSchoolEvent ? <option value="">{t('events.form.wholeSchool')}</option> : null}
          {list.classesToOrganise.map((c) => (
            <option key={c.id} value={c.id}>
              {t('events.forClass', { name: c.name })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        label={t('events.form.title')}
        hint={t('events.form.titleHint')}
        maxLength={EVENT_TITLE_MAX}
        error={problemText(errors.title, t('events.errors.title'))}
        {...register('title')}
      />
      <TextAreaField label={t('events.form.description')} rows={3} {...register('description')} />
      <FormDateField
        control={control}
        name="date"
        label={t('events.form.date')}
        error={problemText(errors.date, t('events.errors.date'))}
      />
      <FormDateField
        control={control}
        name="endDate"
        label={t('events.form.endDate')}
        hint={t('events.form.endDateHint')}
        error={problemText(errors.endDate, t('events.errors.date'))}
      />
      <div className="inline-fields">
        <FormTimeField
          control={control}
          name="startsAt"
          label={t('events.form.startsAt')}
          error={problemText(errors.startsAt, t('events.errors.time'))}
        />
        <FormTimeField
          control={control}
          name="endsAt"
          label={t('events.form.endsAt')}
          error={problemText(errors.endsAt, t('events.errors.time'))}
        />
      </div>
      <TextField
        label={t('events.form.place')}
        maxLength={EVENT_PLACE_MAX}
        error={problemText(errors.place, t('events.errors.place'))}
        {...register('place')}
      />
      <CheckField label={t('events.form.wellBeing')} hint={t('events.form.wellBeingHint')} {...register('wellBeing')} />
      {event ? null : <CheckField label={t('events.form.signUp')} {...register('signUp')} />}
      {signUp ? (
        <>
          <FormDateField
            control={control}
            name="signUpDeadline"
            label={t('events.form.deadline')}
            hint={t('events.form.deadlineHint')}
            error={problemText(errors.signUpDeadline, t('events.errors.date'))}
          />
          <TextField
            label={t('events.form.capacity')}
            hint={t('events.form.capacityHint')}
            inputMode="numeric"
            error={problemText(errors.capacity, t('events.errors.count'))}
            {...register('capacity')}
          />
        </>
      ) : null}
      <fieldset className="form-part stack-sm">
        <legend>{t('events.form.slotsTitle')}</legend>
        <p className="field__hint">{t('events.form.slotsHint')}</p>
        {slots.fields.map((field, index) => {
          const taken = takenAt(index);
          return (
            <div key={field.id} className="inline-fields slot-row">
              <TextField
                label={t('events.form.slotTitle', { number: index + 1 })}
                maxLength={EVENT_SLOT_TITLE_MAX}
                readOnly={taken > 0}
                hint={taken > 0 ? t('events.form.slotTaken', { count: taken }) : undefined}
                error={problemText(errors.slots?.[index]?.title, t('events.errors.title'))}
                {...register(`slots.${index}.title`)}
              />
              <TextField
                label={t('events.form.slotNeeded')}
                inputMode="numeric"
                error={problemText(errors.slots?.[index]?.needed, t('events.errors.count'))}
                {...register(`slots.${index}.needed`)}
              />
              {taken > 0 ? null : (
                <button type="button" className="button button--secondary" onClick={() => slots.remove(index)}>
                  {t('events.form.removeSlot', { number: index + 1 })}
                </button>
              )}
            </div>
          );
        })}
        {slots.fields.length < EVENT_SLOTS_MAX ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => slots.append({ slotId: '', title: '', needed: '1' })}
            >
              {t('events.form.addSlot')}
            </button>
          </p>
        ) : null}
      </fieldset>
      <ActionError error={save.error} />
      <p>
        <button type="submit" className="button" disabled={save.busy}>
          {event ? t('events.form.save') : t('events.form.create')}
        </button>
      </p>
    </form>
  );
}
