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
  type TCreateEvent,
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

/**
 * The form's schema: the shared `ZCreateEvent` with what a form holds as text (an empty deadline,
 * numbers typed as text) and the class it is for ('' for the whole school). `toBody` turns it into
 * the request, which the server checks with `ZCreateEvent` itself.
 */
const ZEventForm = ZCreateEvent.extend({
  forClass: z.string(),
  signUpDeadline: z.union([z.literal(''), z.iso.date()]),
  capacity: countText(true),
  slots: z
    .array(z.object({ title: ZCreateEvent.shape.slots.element.shape.title, needed: countText(false) }))
    .max(EVENT_SLOTS_MAX),
});
type FormValues = z.output<typeof ZEventForm>;

function toBody({ forClass, signUpDeadline, capacity, slots, ...rest }: FormValues): {
  classId: string | null;
  body: TCreateEvent;
} {
  const body = {
    ...rest,
    signUpDeadline: rest.signUp && signUpDeadline ? signUpDeadline : null,
    capacity: rest.signUp && capacity ? Number(capacity) : null,
    slots: slots.map((slot) => ({ title: slot.title, needed: Number(slot.needed) })),
  };
  return { classId: forClass || null, body };
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
 * A new event: for the school (the leadership) or one of the caller's classes; when and where; a
 * well-being event or not; sign-up with a deadline and a capacity; volunteer slots.
 */
export function EventForm({ schoolId, list }: { schoolId: string; list: TEventList }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const defaults: z.input<typeof ZEventForm> = {
    forClass: list.mayCreateSchoolEvent ? '' : (list.classesToOrganise[0]?.id ?? ''),
    title: '',
    description: '',
    date: '',
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
  const create = useAction((values: FormValues) => {
    const { classId, body } = toBody(values);
    const headers = { [IDEMPOTENCY_KEY_HEADER]: key };
    return classId
      ? api(eventContracts.createForClass, { params: { schoolId, classId }, body, headers })
      : api(eventContracts.createForSchool, { params: { schoolId }, body, headers });
  });
  const errors = form.formState.errors;
  const signUp = watch('signUp');
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (input) => {
          const created = await create.run(input);
          if (created) {
            setKey(newIdempotencyKey());
            void navigate(paths.event(schoolId, created.id));
          }
        })(event)
      }
    >
      <SelectField label={t('events.form.for')} {...register('forClass')}>
        {list.mayCreateSchoolEvent ? <option value="">{t('events.form.wholeSchool')}</option> : null}
        {list.classesToOrganise.map((c) => (
          <option key={c.id} value={c.id}>
            {t('events.forClass', { name: c.name })}
          </option>
        ))}
      </SelectField>
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
      <CheckField label={t('events.form.signUp')} {...register('signUp')} />
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
        {slots.fields.map((field, index) => (
          <div key={field.id} className="inline-fields">
            <TextField
              label={t('events.form.slotTitle', { number: index + 1 })}
              maxLength={EVENT_SLOT_TITLE_MAX}
              error={problemText(errors.slots?.[index]?.title, t('events.errors.title'))}
              {...register(`slots.${index}.title`)}
            />
            <TextField
              label={t('events.form.slotNeeded')}
              inputMode="numeric"
              error={problemText(errors.slots?.[index]?.needed, t('events.errors.count'))}
              {...register(`slots.${index}.needed`)}
            />
            <p>
              <button type="button" className="button button--secondary" onClick={() => slots.remove(index)}>
                {t('events.form.removeSlot', { number: index + 1 })}
              </button>
            </p>
          </div>
        ))}
        {slots.fields.length < EVENT_SLOTS_MAX ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => slots.append({ title: '', needed: '1' })}
            >
              {t('events.form.addSlot')}
            </button>
          </p>
        ) : null}
      </fieldset>
      <ActionError error={create.error} />
      <p>
        <button type="submit" className="button" disabled={create.busy}>
          {t('events.form.create')}
        </button>
      </p>
    </form>
  );
}
