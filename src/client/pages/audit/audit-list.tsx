import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry, TAuditPage } from '../../../shared/api/audit.schema.js';
import { useAction } from '../../app/query.js';
import { ActionError } from '../../ui/errors.js';
import { AuditTable } from './audit-entries.js';

/** The first page of entries and a button that fetches older ones with the page's cursor. */
export function AuditList({
  first,
  loadOlder,
  caption,
  empty,
  showStudent,
  onStudent,
}: {
  first: TAuditPage;
  loadOlder: (before: string) => Promise<TAuditPage>;
  caption: string;
  empty: string;
  showStudent: boolean;
  onStudent?: (student: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const [older, setOlder] = useState<TAuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(first.nextCursor);
  // Reading older entries changes nothing on the server: no cached answer is made stale.
  const more = useAction(
    async () => {
      if (!cursor) return;
      const page = await loadOlder(cursor);
      setOlder((previous) => [...previous, ...page.entries]);
      setCursor(page.nextCursor);
    },
    { invalidates: [] },
  );
  const entries = [...first.entries, ...older];
  return (
    <div className="stack">
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <AuditTable entries={entries} caption={caption} showStudent={showStudent} onStudent={onStudent} />
      )}
      <ActionError error={more.error} />
      {cursor ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void more.run()}>
            {t('audit.older')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
