import { useTranslation } from 'react-i18next';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import { useApiQuery } from '../../app/query.js';

/**
 * Read receipts for the staff in a thread: who of the guardians has read the newest message.
 * A send invalidates them (use-once-send.ts), so they follow the newest message.
 */
export function ThreadReaders({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const readers = useApiQuery(messagingContracts.readers, { params: { threadId } });
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
