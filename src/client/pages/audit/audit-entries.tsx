import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../shared/api/audit.schema.js';
import { formatDateTime, formatTime } from '../../ui/format.js';
import { TableWrap } from '../../ui/table-wrap.js';

/** An action code in words; actions this client does not know yet are shown as recorded. */
export function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => t(`audit.actions.${action.replace(/[.-]/g, '_')}`, { defaultValue: action });
}

/**
 * Subjects that only repeat the action; the server no longer writes them, but older rows carry
 * them (in English).
 */
const REPEATS_ACTION = new Set([
  '',
  'profile',
  'request',
  'requests',
  'information request',
  'message thread',
  'message threads',
  'message attachment',
  'urgent message',
  'urgent messages',
]);

/**
 * The recorded subject in the reader's words. Subjects that only repeat the action are left out;
 * others, such as an import's file name, are shown as recorded.
 */
export function useSubjectText() {
  const { t } = useTranslation();
  return (entry: TAuditEntry): string | null => {
    const subject = entry.subject.trim();
    const klass = /^class (.+)$/.exec(subject);
    if (klass) return t('audit.subjects.class', { name: klass[1] });
    if (subject === 'answered' || subject === 'declined') return t(`audit.subjects.${subject}`);
    if (REPEATS_ACTION.has(subject)) return null;
    return subject;
  };
}

export function useActorText() {
  const { t } = useTranslation();
  return (entry: TAuditEntry) =>
    entry.actor.role
      ? t('audit.actorWithRole', { name: entry.actor.name, role: t(`roles.${entry.actor.role}`) })
      : entry.actor.name;
}

/** Audit entries as a table: when, who (in which capacity), what, about whom. */
export function AuditTable({
  entries,
  caption,
  showStudent,
  onStudent,
}: {
  entries: TAuditEntry[];
  caption: string;
  showStudent: boolean;
  onStudent?: (student: { id: string; name: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const actionLabel = useActionLabel();
  const actorText = useActorText();
  const subjectText = useSubjectText();
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            {showStudent ? <th scope="col">{t('audit.columns.student')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                {formatDateTime(entry.at, i18n.language)}
                {entry.count > 1 ? (
                  <span className="cell-note">
                    {t('audit.times', { count: entry.count, first: formatTime(entry.firstAt, i18n.language) })}
                  </span>
                ) : null}
              </td>
              <td>{actorText(entry)}</td>
              <td>
                {actionLabel(entry.action)}
                {subjectText(entry) ? <span className="cell-note">{subjectText(entry)}</span> : null}
                {!entry.student && entry.students > 1 ? (
                  <span className="cell-note">{t('audit.students', { count: entry.students })}</span>
                ) : null}
              </td>
              {showStudent ? (
                <td>
                  {entry.student && onStudent ? (
                    <button type="button" className="link-button" onClick={() => onStudent(entry.student!)}>
                      {entry.student.name}
                    </button>
                  ) : (
                    (entry.student?.name ?? '–')
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
