import { useState, type FormEvent } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { principleContracts } from '../../../shared/api/principle.contract.js';
import { ZAdoptDraftBody, type TAdoptDraftBody, type TPrincipleDraft } from '../../../shared/api/principle.schema.js';
import { PRINCIPLE_LIMITS } from '../../../shared/principle/principle.limits.js';
import { ApiError } from '../../api/api-error.js';
import { principleApi } from '../../api/principle.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useAction, useApiQuery } from '../../app/query.js';
import { isLocale } from '../../i18n/i18n.js';
import { DateField } from '../../ui/date-field.js';
import { ActionError, LoadError, LoadedPart, Loading, NotFoundPage } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { problemText, showServerProblems, useSchemaForm } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { formatDateTime } from '../../ui/format.js';
import { Page, Section } from '../../ui/page.js';
import { DraftEditor } from './draft-editor.js';

/** Today's date in Copenhagen as YYYY-MM-DD, the default for the board's adoption date. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

function StartDraft({ schoolId, onCreated }: { schoolId: string; onCreated(): void }) {
  const { t, i18n } = useTranslation();
  const lang = isLocale(i18n.language) ? i18n.language : 'da';
  const presets = useApiQuery(principleContracts.presets, {});
  // A school without an adopted principle answers 404: then there is simply nothing to start from.
  const adopted = useApiQuery(principleContracts.adopted, { params: { schoolId } });
  const [choice, setChoice] = useState<string>('');
  const create = useAction(async (value: string) => {
    const [kind, id] = value.split(':') as ['version' | 'preset', string];
    await principleApi.createDraft(schoolId, kind === 'version' ? { fromVersion: id } : { fromPreset: id });
    onCreated();
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) void create.run(choice);
  };
  const adoptedPrinciple = adopted.status === 'ok' ? adopted.data : null;
  const selected = choice || (adoptedPrinciple ? `version:${adoptedPrinciple.id}` : '');
  return (
    <Section title={t('draft.start.title')} id="start">
      <p>{t('draft.start.lead')}</p>
      <LoadedPart result={presets}>
        {(data) => (
          <form onSubmit={onSubmit} className="stack">
            <fieldset className="choice-group">
              <legend>{t('draft.start.legend')}</legend>
              {adoptedPrinciple ? (
                <label className="choice choice--card">
                  <input
                    type="radio"
                    name="start"
                    value={`version:${adoptedPrinciple.id}`}
                    checked={selected === `version:${adoptedPrinciple.id}`}
                    onChange={(event) => setChoice(event.target.value)}
                  />
                  <span>
                    <strong>{t('draft.start.fromAdopted', { version: adoptedPrinciple.version })}</strong>
                    <span className="choice__note">{t('draft.start.fromAdoptedNote')}</span>
                  </span>
                </label>
              ) : null}
              {data.presets.map((preset) => (
                <label key={preset.id} className="choice choice--card">
                  <input
                    type="radio"
                    name="start"
                    value={`preset:${preset.id}`}
                    checked={selected === `preset:${preset.id}`}
                    onChange={(event) => setChoice(event.target.value)}
                  />
                  <span>
                    <strong>{preset.name[lang]}</strong>
                    <span className="choice__note">{preset.source[lang]}</span>
                    <span className="choice__note">{preset.note[lang]}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <ActionError error={create.error} />
            <div className="actions">
              <button
                type="submit"
                className="button"
                onClick={() => setChoice(selected)}
                aria-disabled={create.busy || !selected || undefined}
              >
                {t('draft.start.submit')}
              </button>
            </div>
          </form>
        )}
      </LoadedPart>
    </Section>
  );
}

function AdoptForm({ schoolId, unsaved, onAdopted }: { schoolId: string; unsaved: boolean; onAdopted(): void }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZAdoptDraftBody, { adoptedOn: today(), adoptedBy: '' });
  const { errors } = form.formState;
  const adopt = useAction(async (values: TAdoptDraftBody) => {
    try {
      await principleApi.adoptDraft(schoolId, values);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation_failed') {
        showServerProblems(form.setError, error, t('errors.checkField'));
      }
      throw error;
    }
    onAdopted();
  });
  const onSubmit = form.handleSubmit((values) => {
    if (!unsaved) void adopt.run(values);
  });
  return (
    <Section title={t('draft.adopt.title')} id="adopt">
      <p>{t('draft.adopt.lead')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
        <Controller
          control={form.control}
          name="adoptedOn"
          render={({ field }) => (
            <DateField
              label={t('draft.adopt.adoptedOn')}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={problemText(errors.adoptedOn, t('draft.adopt.dateMissing'))}
            />
          )}
        />
        <TextField
          label={t('draft.adopt.adoptedBy')}
          hint={t('draft.adopt.adoptedByHint')}
          maxLength={PRINCIPLE_LIMITS.adoptedByMaxChars}
          {...form.register('adoptedBy')}
          error={problemText(errors.adoptedBy, t('draft.adopt.byMissing'))}
        />
        {unsaved ? (
          <Notice kind="warning" live={false}>
            <p>{t('draft.adopt.saveFirst')}</p>
          </Notice>
        ) : null}
        <ActionError error={adopt.error} />
        <div className="actions">
          <button type="submit" className="button" aria-disabled={adopt.busy || unsaved || undefined}>
            {t('draft.adopt.submit')}
          </button>
        </div>
      </form>
    </Section>
  );
}

function DeleteDraft({ schoolId, onDeleted }: { schoolId: string; onDeleted(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(async () => {
    await principleApi.deleteDraft(schoolId);
    onDeleted();
  });
  return (
    <Section title={t('draft.delete.title')} id="delete">
      <ActionError error={remove.error} />
      {confirming ? (
        <div className="actions" role="group" aria-label={t('draft.delete.confirmLabel')}>
          <p>{t('draft.delete.confirm')}</p>
          <button type="button" className="button button--danger" onClick={() => void remove.run()}>
            {t('draft.delete.yes')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('draft.delete.no')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('draft.delete.ask')}
        </button>
      )}
    </Section>
  );
}

/** The draft of the next principle: start one, edit it, record the board's adoption, or throw it away. */
export function PrincipleDraftPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '' } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const school = me?.schools.find((s) => s.id === schoolId);
  const draft = useApiQuery(principleContracts.draft, { params: { schoolId } }, { gcTime: 0 });
  const [current, setCurrent] = useState<TPrincipleDraft | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  if (!school || !(school.abilities.readPrincipleDrafts || school.abilities.editPrinciple)) return <NotFoundPage />;
  const canEdit = school.abilities.editPrinciple;
  const title = t('draft.title');

  if (draft.status === 'loading') {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const noDraft = draft.status === 'error' && (draft.error.code === 'principle_no_draft' || draft.error.status === 404);
  if (draft.status === 'error' && !noDraft) return <LoadError error={draft.error} title={title} />;
  const loaded = draft.status === 'ok' ? (current && current.id === draft.data.id ? current : draft.data) : null;

  return (
    <Page title={title} lead={t('draft.lead')} wide>
      <p>
        <Link to={paths.principle(schoolId)}>{t('principle.backToPrinciple')}</Link> ·{' '}
        <Link to={paths.principleVersions(schoolId)}>{t('principle.versionsLink')}</Link>
      </p>
      {!loaded ? (
        canEdit ? (
          <StartDraft schoolId={schoolId} onCreated={draft.reload} />
        ) : (
          <p>{t('draft.noneReadOnly')}</p>
        )
      ) : (
        <>
          <p className="card__meta">
            {t('draft.meta', { version: loaded.version, date: formatDateTime(loaded.updatedAt, i18n.language) })}
          </p>
          <DraftEditor
            key={loaded.id}
            schoolId={schoolId}
            draft={loaded}
            readOnly={!canEdit}
            onSaved={setCurrent}
            onDirtyChange={setUnsaved}
          />
          {canEdit ? (
            <>
              <AdoptForm
                schoolId={schoolId}
                unsaved={unsaved}
                onAdopted={() => void navigate(paths.principleVersions(schoolId))}
              />
              <DeleteDraft schoolId={schoolId} onDeleted={draft.reload} />
            </>
          ) : null}
        </>
      )}
    </Page>
  );
}
