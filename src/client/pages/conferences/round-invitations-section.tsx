import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TRound } from '../../../shared/api/conference.schema.js';
import { api } from '../../api/http.js';
import { paths } from '../../app/paths.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, LoadedPart } from '../../ui/errors.js';
import { Notice } from '../../ui/notice.js';
import { Section } from '../../ui/page.js';
import { TableWrap } from '../../ui/table-wrap.js';

/** A booked time as the staff read it: "12.01 14.00–14.15". */
const timeText = (time: { date: string; from: string; to: string }) =>
  `${time.date.slice(8, 10)}.${time.date.slice(5, 7)} ${time.from.replace(':', '.')}–${time.to.replace(':', '.')}`;

/** Each home's invitation: the child, the guardians, whether they can be reached digitally, and their time. */
function Invitations({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const invitations = useApiQuery(conferenceContracts.roundInvitations, {
    params: { schoolId: round.schoolId, roundId: round.id },
  });
  return (
    <LoadedPart result={invitations}>
      {(data) => {
        const booked = data.invitations.filter((i) => i.booking !== null).length;
        const unreached = data.invitations.filter((i) => !i.reached);
        return (
          <div className="stack">
            <p>{t('roundInvitations.summary', { booked, count: data.invitations.length })}</p>
            {unreached.length > 0 ? (
              <Notice kind="warning" title={t('roundInvitations.unreachedTitle')} live={false}>
                <p>{t('roundInvitations.unreached', { count: unreached.length })}</p>
              </Notice>
            ) : null}
            <TableWrap label={t('roundInvitations.caption')}>
              <table>
                <caption>{t('roundInvitations.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('roundInvitations.child')}</th>
                    <th scope="col">{t('roundInvitations.home')}</th>
                    <th scope="col">{t('roundInvitations.time')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <th scope="row">
                        <Link to={paths.conference(round.schoolId, invitation.id)}>{invitation.student.name}</Link> (
                        {invitation.student.className})
                      </th>
                      <td>
                        {invitation.guardians.map((g) => g.name).join(', ')}
                        {invitation.reached ? null : (
                          <span className="badge badge--late">
                            {invitation.channel === 'call'
                              ? t('roundInvitations.callThem')
                              : t('roundInvitations.writeLetter')}
                          </span>
                        )}
                      </td>
                      <td>
                        {invitation.booking ? timeText(invitation.booking) : t('roundInvitations.noTime')}
                        {round.formats.length > 1 ? (
                          <span className="cell-note">{t(`conferences.format.${invitation.format}`)}</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </div>
        );
      }}
    </LoadedPart>
  );
}

/**
 * The round's invitations: while a draft, the button that sends them to every home (and opens the
 * round for booking); afterwards each home and its time. Those who may not send them are told so
 * by the server.
 */
export function RoundInvitationsSection({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<number | null>(null);
  const open = useAction(() =>
    api(conferenceContracts.openRound, { params: { schoolId: round.schoolId, roundId: round.id } }),
  );
  return (
    <Section title={t('roundInvitations.title')} id="invitations">
      {round.status === 'draft' ? (
        <div className="stack">
          <p>{t('roundInvitations.draftLead')}</p>
          <p>
            <button
              type="button"
              className="button"
              disabled={open.busy}
              onClick={() => void open.run().then((result) => result && setSent(result.invited))}
            >
              {t('roundInvitations.send')}
            </button>
          </p>
          <ActionError error={open.error} />
        </div>
      ) : (
        <>
          <div aria-live="polite">
            {sent !== null ? (
              <Notice kind="success" live={false}>
                <p>{t('roundInvitations.sent', { count: sent })}</p>
              </Notice>
            ) : null}
          </div>
          <Invitations round={round} />
        </>
      )}
    </Section>
  );
}
