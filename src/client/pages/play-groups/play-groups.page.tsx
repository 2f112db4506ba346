import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { playGroupContracts } from '../../../shared/api/play-group.contract.js';
import {
  APART_REASON_MAX,
  PLAY_GROUP_ROUNDS_MAX,
  PLAY_GROUP_SIZE_MAX,
  PLAY_GROUP_SIZE_MIN,
  ZCreateApartPair,
  type TApartPairList,
  type TClassPlayGroups,
} from '../../../shared/api/play-group.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { api } from '../../api/http.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { ActionError, Loaded, LoadedPart } from '../../ui/errors.js';
import { SelectField, TextAreaField } from '../../ui/field.js';
import { FormDateField } from '../../ui/date-field.js';
import { problemText, useSchemaForm } from '../../ui/form.js';
import { formatDate } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import { EVERY_WEEKS, generateRequest, ZPlayGroupForm } from './play-group-form.js';

type Params = { schoolId: string; classId: string };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** One round: its day and its groups, each with its children and whose home it meets in. */
function Round({ round }: { round: TClassPlayGroups['rounds'][number] }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card">
      <h3 className="card__title">
        {formatDate(round.meetsOn, i18n.language)}
        {round.past ? <span className="card__meta"> · {t('playGroups.round.past')}</span> : null}
      </h3>
      <ol className="plain-list stack-sm">
        {round.groups.map((group) => (
          <li key={group.number}>
            <strong>{t('playGroups.round.group', { number: group.number })}</strong>{' '}
            {group.children.map((c) => c.name).join(', ')}
            <br />
            <span className="field__hint">
              {group.host
                ? t('playGroups.host', { child: group.host.child, family: group.host.family })
                : t('playGroups.noHost')}
            </span>
          </li>
        ))}
      </ol>
    </li>
  );
}

/** The representatives', the staff's and the leadership's form: group size and the days of the rounds. */
function GenerateForm({ params, data }: { params: Params; data: TClassPlayGroups }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZPlayGroupForm, {
    groupSize: data.groupSize ?? 4,
    firstDate: '',
    everyWeeks: 2,
    rounds: 6,
  });
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState(false);
  const generate = useAction(
    (body: { groupSize: number; dates: string[] }) =>
      api(playGroupContracts.generate, { params, body, headers: { [IDEMPOTENCY_KEY_HEADER]: key } }),
    { invalidates: [playGroupContracts.ofClass, playGroupContracts.organised] },
  );
  const errors = form.formState.errors;
  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (body) => {
          setDone(false);
          if (await generate.run(generateRequest(body))) {
            setKey(newIdempotencyKey());
            setDone(true);
          }
        })(event)
      }
    >
      {data.rounds.length > 0 ? <p className="field__hint">{t('playGroups.form.replaces')}</p> : null}
      <SelectField label={t('playGroups.form.groupSize')} {...form.register('groupSize')}>
        {range(PLAY_GROUP_SIZE_MIN, PLAY_GROUP_SIZE_MAX).map((n) => (
          <option key={n} value={n}>
            {t('playGroups.form.children', { count: n })}
          </option>
        ))}
      </SelectField>
      <FormDateField
        control={form.control}
        name="firstDate"
        label={t('playGroups.form.firstDate')}
        error={problemText(errors.firstDate, t('playGroups.form.firstDateMissing'))}
      />
      <SelectField label={t('playGroups.form.everyWeeks')} {...form.register('everyWeeks')}>
        {EVERY_WEEKS.map((n) => (
          <option key={n} value={n}>
            {t('playGroups.form.weeks', { count: n })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('playGroups.form.rounds')} {...form.register('rounds')}>
        {range(1, PLAY_GROUP_ROUNDS_MAX).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <ActionError error={generate.error} />
      <div aria-live="polite">
        {done ? (
          <Notice kind="success" live={false}>
            <p>{t('playGroups.form.done')}</p>
          </Notice>
        ) : null}
      </div>
      <p>
        <button type="submit" className="button" disabled={generate.busy}>
          {data.rounds.length > 0 ? t('playGroups.form.regenerate') : t('playGroups.form.generate')}
        </button>
      </p>
    </form>
  );
}

/** The staff's pairs kept apart: never in one group. The reason is for the staff only. */
function ApartPairs({ params, data }: { params: Params; data: TApartPairList }) {
  const { t, i18n } = useTranslation();
  const form = useSchemaForm(ZCreateApartPair, { studentIds: ['', ''], reason: '' });
  const add = useAction(
    (body: { studentIds: string[]; reason: string }) => api(playGroupContracts.keepApart, { params, body }),
    {
      invalidates: [playGroupContracts.apartPairs],
    },
  );
  const remove = useAction(
    (pairId: string) => api(playGroupContracts.removeApartPair, { params: { ...params, pairId } }),
    {
      invalidates: [playGroupContracts.apartPairs],
    },
  );
  const errors = form.formState.errors;
  const pickError = problemText(
    errors.studentIds?.[0] ?? errors.studentIds?.[1] ?? (errors.studentIds as never),
    t('playGroups.apart.pickTwo'),
  );
  return (
    <div className="stack-sm">
      <p className="field__hint">{t('playGroups.apart.lead')}</p>
      {data.pairs.length === 0 ? (
        <p>{t('playGroups.apart.none')}</p>
      ) : (
        <ul className="card-list">
          {data.pairs.map((pair) => (
            <li key={pair.id} className="card">
              <p>
                <strong>{pair.children.map((c) => c.name).join(' · ')}</strong>
              </p>
              <p>{pair.reason}</p>
              <p className="field__hint">
                {t('playGroups.apart.by', { name: pair.createdBy, date: formatDate(pair.createdAt, i18n.language) })}
              </p>
              <p>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={remove.busy}
                  onClick={() => void remove.run(pair.id)}
                >
                  {t('playGroups.apart.remove', { names: pair.children.map((c) => c.name).join(' · ') })}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      <ActionError error={remove.error} />
      <form
        className="stack-sm"
        noValidate
        onSubmit={(event) =>
          void form.handleSubmit(async (body) => {
            if (await add.run(body)) form.reset({ studentIds: ['', ''], reason: '' });
          })(event)
        }
      >
        {[0, 1].map((i) => (
          <SelectField
            key={i}
            label={i === 0 ? t('playGroups.apart.first') : t('playGroups.apart.second')}
            error={i === 1 ? pickError : undefined}
            {...form.register(`studentIds.${i}` as 'studentIds.0')}
          >
            <option value="">{t('playGroups.apart.choose')}</option>
            {data.children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ))}
        <TextAreaField
          label={t('playGroups.apart.reason')}
          hint={t('playGroups.apart.reasonHint')}
          rows={2}
          maxLength={APART_REASON_MAX}
          error={problemText(errors.reason, t('playGroups.apart.reasonMissing'))}
          {...form.register('reason')}
        />
        <ActionError error={add.error} />
        <p>
          <button type="submit" className="button" disabled={add.busy}>
            {t('playGroups.apart.add')}
          </button>
        </p>
      </form>
    </div>
  );
}

function StaffApartPairs({ params }: { params: Params }) {
  const { t } = useTranslation();
  const pairs = useApiQuery(playGroupContracts.apartPairs, { params });
  return (
    <Section title={t('playGroups.apart.title')} id="apart">
      <LoadedPart result={pairs}>{(data) => <ApartPairs params={params} data={data} />}</LoadedPart>
    </Section>
  );
}

/**
 * A class's play groups (issue 12, point 5): the class parent representatives, its staff and the
 * leadership generate rounds for a period and see every group with its host; the staff keep pairs
 * apart. Each household sees only its own child's group, on the child's card.
 */
export function PlayGroupsPage() {
  const { t } = useTranslation();
  const { schoolId = '', classId = '' } = useParams();
  const params = { schoolId, classId };
  const groups = useApiQuery(playGroupContracts.ofClass, { params });
  return (
    <Loaded result={groups} title={t('playGroups.title')}>
      {(data) => (
        <Page title={t('playGroups.titleOf', { className: data.class.name })} lead={t('playGroups.lead')} wide>
          <Section title={t('playGroups.rounds.title')} id="rounds">
            {data.rounds.length === 0 ? (
              <p>{t('playGroups.rounds.none', { count: data.childCount })}</p>
            ) : (
              <ol className="card-list">
                {data.rounds.map((round) => (
                  <Round key={round.id} round={round} />
                ))}
              </ol>
            )}
          </Section>
          <Section
            title={data.rounds.length > 0 ? t('playGroups.form.titleAgain') : t('playGroups.form.title')}
            id="generate"
          >
            <GenerateForm params={params} data={data} />
          </Section>
          {data.mayKeepApart ? <StaffApartPairs params={params} /> : null}
        </Page>
      )}
    </Loaded>
  );
}
