import { useTranslation } from 'react-i18next';
import { messagingApi } from '../../api/messaging.api.js';
import { useApi } from '../../app/use-api.js';

/** Read receipts for the staff in a thread: who of the guardians has read the newest message. */
export function ThreadReaders({ threadId, version }: { threadId: string; version: string }) {
  const { t } = useTranslation();
  const readers = useApi(() => messagingApi.readers(threadId), [threadId, version]);
  if (readers.status !== 'ok') return null;
  const { read, notRead } = readers.data;
  if (read.length === 0 && notRead.length === 0) return null;
  return (
    <div className="panel panel--quiet">
      <h3>{t('messages.readers.title')}</h3>
      <p>{t('messages.readers.summary', { read: read.length, total: read.length + notRead.length })}</p>
      <dl className="facts">
        <dt>{t('messages.readers.read')}</dt>
        <dd>{read.length > 0 ? read.map((person) => person.name).join(', ') : t('messages.readers.nobody')}</dd>
        <dt>{t('messages.readers.notRead')}</dt>
        <dd>{notRead.length > 0 ? notRead.map((person) => person.name).join(', ') : t('messages.readers.nobody')}</dd>
      </dl>
    </div>
  );
}
