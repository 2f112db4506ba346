import { CalendarPlus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarContracts } from '../../../shared/api/calendar.contract.js';
import { api } from '../../api/http.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { Section } from '../../ui/page.js';

/**
 * The reader's private calendar feed: the address to subscribe to in a calendar app (which signs
 * in with nothing but the address), copied with one press, and renewed or ended when it has been
 * shared by mistake.
 */
export function CalendarFeedSection() {
  const { t, i18n } = useTranslation();
  const feed = useApiQuery(calendarContracts.feed, {});
  const [said, setSaid] = useState<string | null>(null);
  // Ended: the address no longer works, and the page does not ask for a new one until told to.
  const [ended, setEnded] = useState(false);
  const renew = useAction(() => api(calendarContracts.renewFeed, {}), { invalidates: [calendarContracts.feed] });
  const revoke = useAction(() => api(calendarContracts.revokeFeed, {}), { invalidates: [] });
  return (
    <Section title={t('calendarFeed.title')} id="calendar-feed">
      <p>{t('calendarFeed.lead')}</p>
      {ended ? (
        <div className="stack">
          <Notice kind="info" live={false}>
            <p>{t('calendarFeed.revoked')}</p>
          </Notice>
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEnded(false);
                setSaid(null);
                feed.reload();
              }}
            >
              {t('calendarFeed.again')}
            </button>
          </p>
        </div>
      ) : (
        <LoadedPart result={feed}>
          {(data) => (
            <div className="stack">
              <div className="field">
                <label htmlFor="calendar-feed-url">{t('calendarFeed.address')}</label>
                <p className="field__hint" id="calendar-feed-hint">
                  {t('calendarFeed.hint', { date: formatDateTime(data.createdAt, i18n.language) })}
                </p>
                <input
                  id="calendar-feed-url"
                  type="text"
                  readOnly
                  value={data.url}
                  aria-describedby="calendar-feed-hint"
                  onFocus={(event) => event.currentTarget.select()}
                />
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    void navigator.clipboard
                      .writeText(data.url)
                      .then(() => setSaid(t('calendarFeed.copied')))
                      .catch(() => setSaid(t('calendarFeed.copyFailed')))
                  }
                >
                  <CalendarPlus aria-hidden="true" size={18} /> {t('calendarFeed.copy')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void renew.run().then((done) => done && setSaid(t('calendarFeed.renewed')))}
                >
                  {t('calendarFeed.renew')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    void revoke.run().then((done) => {
                      if (done) setEnded(true);
                    })
                  }
                >
                  {t('calendarFeed.revoke')}
                </button>
              </div>
              <ActionError error={renew.error ?? revoke.error} />
              <div aria-live="polite">
                {said ? (
                  <Notice kind="success" live={false}>
                    <p>{said}</p>
                  </Notice>
                ) : null}
              </div>
            </div>
          )}
        </LoadedPart>
      )}
    </Section>
  );
}
