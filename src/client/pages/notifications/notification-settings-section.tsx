import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationContracts } from '../../../shared/api/notification.contract.js';
import type { TNotificationMode, TNotificationSettings } from '../../../shared/api/notification.schema.js';
import type { TQuietHours } from '../../../shared/principle/principle.schema.js';
import { notificationsApi } from '../../api/notifications.api.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart, useErrorText } from '../../ui/errors.js';
import { TimeField } from '../../ui/date-field.js';
import { isHhMm } from '../../ui/date-text.js';
import { Notice } from '../../ui/notice.js';
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

function SchoolSettingsForm({ settings, showSchool }: { settings: TNotificationSettings; showSchool: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const prefix = `notification-settings-${settings.schoolId}`;
  const [mode, setMode] = useState<TNotificationMode>(settings.mode);
  const [quietOn, setQuietOn] = useState(settings.quietHours !== null);
  const start = settings.quietHours ?? settings.principleQuietHours ?? FALLBACK_QUIET_HOURS;
  const [from, setFrom] = useState(start.from);
  const [to, setTo] = useState(start.to);
  const [weekends, setWeekends] = useState(start.weekends);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    // Quiet hours are staff's; a guardian's form leaves them as they are.
    const quietHours = settings.asStaff ? (quietOn ? { from, to, weekends } : null) : settings.quietHours;
    await notificationsApi.saveSettings({ schoolId: settings.schoolId, mode, quietHours });
    setSaved(true);
  });
  const serverProblem = save.error?.field?.startsWith('quietHours') ? errorText(save.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const checked = settings.asStaff && quietOn;
    const found =
      checked && ((from && !isHhMm(from)) || (to && !isHhMm(to)))
        ? t('timeField.invalid')
        : checked && (!from || !to || from === to)
          ? t('notificationSettings.errors.sameTime')
          : null;
    setProblem(found);
    if (!found) void save.run();
  };

  const headingId = `${prefix}-title`;
  return (
    <form
      onSubmit={onSubmit}
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
              <input
                type="radio"
                name={`${prefix}-mode`}
                value={value}
                checked={mode === value}
                aria-describedby={`${prefix}-mode-hint`}
                onChange={() => setMode(value)}
              />
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
            <input
              id={`${prefix}-quiet-on`}
              type="checkbox"
              checked={quietOn}
              onChange={(event) => setQuietOn(event.target.checked)}
            />
            <label htmlFor={`${prefix}-quiet-on`}>{t('notificationSettings.quietOn')}</label>
          </div>
          {quietOn ? (
            <>
              <TimeField
                id={`${prefix}-from`}
                label={t('notificationSettings.from')}
                value={from}
                required
                onChange={setFrom}
              />
              <TimeField
                id={`${prefix}-to`}
                label={t('notificationSettings.to')}
                value={to}
                required
                error={problem ?? serverProblem ?? undefined}
                onChange={setTo}
              />
              <div className="field field--check">
                <input
                  id={`${prefix}-weekends`}
                  type="checkbox"
                  checked={weekends}
                  onChange={(event) => setWeekends(event.target.checked)}
                />
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
