import { useState } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { notificationContracts } from '../../../shared/api/notification.contract.js';
import {
  ZNotificationMode,
  ZPutNotificationSettings,
  type TNotificationSettings,
} from '../../../shared/api/notification.schema.js';
import type { TQuietHours } from '../../../shared/principle/principle.schema.js';
import { notificationsApi } from '../../api/notifications.api.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart, useErrorText } from '../../ui/errors.js';
import { FormTimeField } from '../../ui/date-field.js';
import { isHhMm } from '../../ui/date-text.js';
import { Notice } from '../../ui/notice.js';
import { useSchemaForm } from '../../ui/form.js';
import { Section } from '../../ui/page.js';

/** What a staff member starts from when they turn quiet hours on without a principle to copy. */
const FALLBACK_QUIET_HOURS: TQuietHours = { from: '18:00', to: '07:00', weekends: true };

function describeQuietHours(
  quiet: TQuietHours | null,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (!quiet) return t('notificationSettings.noQuietHours');
  return t(quiet.weekends ? 'notificationSettings.quietHoursAndWeekends' : 'notificationSettings.quietHoursOnly', {
    from: quiet.from,
    to: quiet.to,
  });
}

/**
 * The form's values: the mode, and the quiet hours as fields with a switch. What is sent is the
 * shared `ZPutNotificationSettings`; the quiet hours are checked by its `ZQuietHours` while on.
 */
const ZSettingsForm = z
  .object({
    mode: ZNotificationMode,
    quietOn: z.boolean(),
    from: z.string(),
    to: z.string(),
    weekends: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (!value.quietOn) return;
    const checked = ZPutNotificationSettings.shape.quietHours.safeParse({
      from: value.from,
      to: value.to,
      weekends: value.weekends,
    });
    if (!checked.success) ctx.addIssue({ code: 'custom', path: ['to'], message: checked.error.issues[0]?.message });
  });

function SchoolSettingsForm({ settings, showSchool }: { settings: TNotificationSettings; showSchool: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const prefix = `notification-settings-${settings.schoolId}`;
  const start = settings.quietHours ?? settings.principleQuietHours ?? FALLBACK_QUIET_HOURS;
  const form = useSchemaForm(ZSettingsForm, {
    mode: settings.mode,
    quietOn: settings.quietHours !== null,
    from: start.from,
    to: start.to,
    weekends: start.weekends,
  });
  const [saved, setSaved] = useState(false);
  const save = useAction(async (values: z.output<typeof ZSettingsForm>) => {
    // Quiet hours are staff's; a guardian's form leaves them as they are.
    const quietHours = settings.asStaff
      ? values.quietOn
        ? { from: values.from, to: values.to, weekends: values.weekends }
        : null
      : settings.quietHours;
    await notificationsApi.saveSettings({ schoolId: settings.schoolId, mode: values.mode, quietHours });
    setSaved(true);
  });
  const serverProblem = save.error?.field?.startsWith('quietHours') ? errorText(save.error) : null;
  const quietOn = form.watch('quietOn');
  const { errors } = form.formState;
  // The times as typed: one that is no time says so; two that are the same, or missing, say that.
  const timeProblem = errors.to
    ? !isHhMm(form.getValues('from')) || !isHhMm(form.getValues('to'))
      ? t('timeField.invalid')
      : t('notificationSettings.errors.sameTime')
    : null;

  const onSubmit = form.handleSubmit((values) => save.run(values));

  const headingId = `${prefix}-title`;
  return (
    <form
      onSubmit={(event) => {
        setSaved(false);
        void onSubmit(event);
      }}
      noValidate
      className="stack"
      aria-labelledby={showSchool ? headingId : 'notification-settings-title'}
    >
      {showSchool ? <h3 id={headingId}>{settings.schoolName}</h3> : null}
      {settings.asGuardian ? (
        <fieldset className="choice-group">
          <legend>{t('notificationSettings.modeLegend')}</legend>
          <p className="field__hint" id={`${prefix}-mode-hint`}>
            {t('notificationSettings.urgentHint')}
          </p>
          {(['immediate', 'digest'] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" value={value} aria-describedby={`${prefix}-mode-hint`} {...form.register('mode')} />
              <span>{t(`notificationSettings.mode.${value}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {settings.asStaff ? (
        <fieldset className="choice-group">
          <legend>{t('notificationSettings.quietLegend')}</legend>
          <p className="field__hint">{t('notificationSettings.quietHint')}</p>
          <p className="field__hint">
            {t('notificationSettings.principleDefault', { hours: describeQuietHours(settings.principleQuietHours, t) })}
          </p>
          <div className="field field--check">
            <input id={`${prefix}-quiet-on`} type="checkbox" {...form.register('quietOn')} />
            <label htmlFor={`${prefix}-quiet-on`}>{t('notificationSettings.quietOn')}</label>
          </div>
          {quietOn ? (
            <>
              <FormTimeField
                control={form.control}
                name="from"
                id={`${prefix}-from`}
                label={t('notificationSettings.from')}
                required
              />
              <FormTimeField
                control={form.control}
                name="to"
                id={`${prefix}-to`}
                label={t('notificationSettings.to')}
                required
                error={timeProblem ?? serverProblem ?? undefined}
              />
              <div className="field field--check">
                <input id={`${prefix}-weekends`} type="checkbox" {...form.register('weekends')} />
                <label htmlFor={`${prefix}-weekends`}>{t('notificationSettings.weekends')}</label>
              </div>
            </>
          ) : null}
        </fieldset>
      ) : null}
      {serverProblem ? null : <ActionError error={save.error} />}
      {saved ? (
        <Notice kind="success">
          <p>{t('notificationSettings.saved')}</p>
        </Notice>
      ) : null}
      <p>
        <button type="submit" className="button" disabled={save.busy}>
          {t('notificationSettings.save')}
        </button>
      </p>
    </form>
  );
}

/** The profile's "Notifikationer" section: guardians choose immediate or the daily digest; staff set quiet hours. */
export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const settings = useApiQuery(notificationContracts.settings, {}, { gcTime: 0 });
  return (
    <Section title={t('notificationSettings.title')} id="notification-settings">
      <LoadedPart result={settings}>
        {(data) =>
          data.schools.length === 0 ? (
            <p>{t('notificationSettings.none')}</p>
          ) : (
            <>
              {data.schools.map((school) => (
                <SchoolSettingsForm key={school.schoolId} settings={school} showSchool={data.schools.length > 1} />
              ))}
            </>
          )
        }
      </LoadedPart>
    </Section>
  );
}
