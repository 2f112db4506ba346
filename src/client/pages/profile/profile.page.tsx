import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { authContracts } from '../../../shared/api/auth.contract.js';
import type { Locale } from '../../../shared/errors.js';
import type { TSessionSummary } from '../../../shared/api/auth.schema.js';
import { authApi } from '../../api/auth.api.js';
import { meApi } from '../../api/me.api.js';
import { useSession } from '../../app/session.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { applyLocale, isLocale } from '../../i18n/i18n.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { describeDevice } from '../../ui/device.js';
import { formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { AbsenceSection } from './absence-section.js';
import { CalendarFeedSection } from './calendar-feed-section.js';
import { NotificationSettingsSection } from '../notifications/notification-settings-section.js';

function LanguageChoice() {
  const { t, i18n } = useTranslation();
  const current: Locale = isLocale(i18n.language) ? i18n.language : 'da';
  const save = useAction(async (locale: Locale) => {
    await applyLocale(locale, { persist: true });
    await meApi.setLocale(locale);
  });
  return (
    <fieldset className="choice-group">
      <legend>{t('profile.language.legend')}</legend>
      <p className="field__hint">{t('profile.language.hint')}</p>
      {(['da', 'en'] as const).map((locale) => (
        <label key={locale} className="choice">
          <input
            type="radio"
            name="language"
            value={locale}
            checked={current === locale}
            onChange={() => void save.run(locale)}
          />
          <span lang={locale}>{t(`layout.languageName.${locale}`)}</span>
        </label>
      ))}
      <ActionError error={save.error} />
    </fieldset>
  );
}

function SessionRow({ session, onEnd }: { session: TSessionSummary; onEnd: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card">
      <p className="card__title">
        {session.userAgent ? describeDevice(session.userAgent) : t('profile.sessions.unknownDevice')}
        {session.current ? <span className="badge">{t('profile.sessions.thisDevice')}</span> : null}
      </p>
      <dl className="facts">
        <dt>{t('profile.sessions.method')}</dt>
        <dd>{t(`profile.sessions.methods.${session.method}`)}</dd>
        <dt>{t('profile.sessions.signedIn')}</dt>
        <dd>{formatDateTime(session.createdAt, i18n.language)}</dd>
        <dt>{t('profile.sessions.lastSeen')}</dt>
        <dd>{formatDateTime(session.lastSeenAt, i18n.language)}</dd>
      </dl>
      {session.current ? null : (
        <button type="button" className="button button--secondary button--small" onClick={() => onEnd(session.id)}>
          {t('profile.sessions.end')}
        </button>
      )}
    </li>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, refresh } = useSession();
  const sessions = useApiQuery(authContracts.sessions, {});
  const endOne = useAction(async (id: string) => {
    await authApi.endSession(id);
    sessions.reload();
  });
  const endAll = useAction(async () => {
    await authApi.signOutEverywhere();
    await refresh();
    void navigate('/login', { replace: true });
  });

  return (
    <Page title={t('profile.title')} lead={me ? t('profile.lead', { name: me.name, email: me.email }) : undefined}>
      <Section title={t('profile.language.title')} id="language">
        <LanguageChoice />
      </Section>
      <NotificationSettingsSection />
      <AbsenceSection me={me} />
      <CalendarFeedSection />
      <Section title={t('profile.sessions.title')} id="sessions">
        <p>{t('profile.sessions.lead')}</p>
        <ActionError error={endOne.error} />
        <LoadedPart result={sessions}>
          {(data) => (
            <ul className="card-list">
              {data.sessions.map((session) => (
                <SessionRow key={session.id} session={session} onEnd={(id) => void endOne.run(id)} />
              ))}
            </ul>
          )}
        </LoadedPart>
        <Notice kind="info" live={false}>
          <p>{t('profile.sessions.everywhereHint')}</p>
        </Notice>
        <ActionError error={endAll.error} />
        <button type="button" className="button button--danger" onClick={() => void endAll.run()}>
          {t('profile.sessions.everywhere')}
        </button>
      </Section>
    </Page>
  );
}
