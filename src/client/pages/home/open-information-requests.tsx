import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { informationRequestContracts } from '../../../shared/api/information-request.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { formatDateTime } from '../../ui/format.js';

/** The information requests that wait for an answer, with a way to answer them. */
export function OpenInformationRequests({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const requests = useApiQuery(informationRequestContracts.list, { params: { schoolId }, query: { status: 'open' } });
  return (
    <LoadedPart result={requests}>
      {(data) =>
        data.requests.length === 0 ? (
          <p>{t('informationRequests.noneOpen')}</p>
        ) : (
          <>
            <ul className="plain-list">
              {data.requests.slice(0, 5).map((request) => (
                <li key={request.id}>
                  {t('informationRequests.summary', {
                    requester: request.requester.name,
                    student: request.student.name,
                    className: request.student.class.name,
                    date: formatDateTime(request.createdAt, i18n.language),
                  })}
                </li>
              ))}
            </ul>
            <p>
              <Link to={paths.informationRequests(schoolId)}>
                {t('informationRequests.answerLink', { count: data.requests.length })}
              </Link>
            </p>
          </>
        )
      }
    </LoadedPart>
  );
}
