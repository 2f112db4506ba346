import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format.js';

/** The school's answer to a § 23 request, with who answered and when; shown to staff and to the parent alike. */
export function RequestAnswer({
  request,
}: {
  request: { response: string | null; handledAt: string | null; handledBy: { name: string } | null };
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="answer">
      <p className="answer__by">
        {t('informationRight.answerBy', {
          name: request.handledBy?.name ?? t('informationRight.theSchool'),
          date: request.handledAt ? formatDateTime(request.handledAt, i18n.language) : '',
        })}
      </p>
      <p className="pre-line">{request.response}</p>
    </div>
  );
}
