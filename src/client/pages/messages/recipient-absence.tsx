import { useTranslation } from 'react-i18next';
import type { TMeChild } from '../../../shared/api/directory.schema.js';
import { staffAbsenceContracts } from '../../../shared/api/staff-absence.contract.js';
import { useApiQuery } from '../../app/query.js';
import { Notice } from '../../ui/notice.js';

/**
 * Before sending: a recipient who is absent today, and who gets the message instead or when
 * the answer can be expected ("Mette Hansen er fraværende til og med fredag 4. december. Din
 * besked går til Lars Jensen."), and, outside the recipients' working hours, when they read
 * messages again: guardians may always write, and see when it will be read. The server writes
 * the sentences in the reader's language; quiet when there is nothing to tell.
 */
export function RecipientAbsence({ child }: { child: TMeChild }) {
  const { t } = useTranslation();
  // The cache is refreshed when the reader switches language (query.ts), so the sentences follow.
  const routing = useApiQuery(staffAbsenceContracts.messageRouting, {
    params: { schoolId: child.schoolId, studentId: child.id },
  });
  if (routing.status !== 'ok') return null;
  const { notices, readFromText } = routing.data;
  return (
    <>
      {notices.length > 0 ? (
        <Notice kind="warning" title={t('staffAbsence.composerTitle')} live={false}>
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </Notice>
      ) : null}
      {readFromText ? (
        <Notice kind="info" live={false}>
          <p>{readFromText}</p>
        </Notice>
      ) : null}
    </>
  );
}
