import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { classLetterContracts } from '../../../shared/api/class-letter.contract.js';
import {
  CLASS_LETTER_BODY_MAX,
  CLASS_LETTER_TITLE_MAX,
  type TClassLetter,
  type TClassLetterPublish,
} from '../../../shared/api/class-letter.schema.js';
import { ATTACHMENT_ACCEPT, type TAttachment } from '../../../shared/api/attachment.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/api/messaging.schema.js';
import { api } from '../../api/http.js';
import { attachmentsApi } from '../../api/attachments.api.js';
import { newIdempotencyKey } from '../../api/messaging.api.js';
import { fieldProblems } from '../../api/api-error.js';
import { useAction } from '../../app/query.js';
import { ActionError } from '../../ui/errors.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { DateField, TimeField } from '../../ui/date-field.js';
import { Notice } from '../../ui/notice.js';
import { formatDateTime } from '../../ui/format.js';
import { copenhagenMoment } from './letter-time.js';
import './class-letters.css';

type Wrap = { before: string; after: string; placeholder: string };

/**
 * The letter's editor: a text area for the letter's HTML with a toolbar of buttons (each a real
 * button, reached by Tab and pressed with Enter or Space) that wrap the selection in bold,
 * italics, a heading, a list or a link; images and files go up as attachments. The server cleans
 * whatever is written, so the toolbar is a convenience, not the safety.
 */
export function LetterEditor({
  schoolId,
  classId,
  letter,
  onSaved,
}: {
  schoolId: string;
  classId: string;
  letter?: TClassLetter;
  onSaved?: (saved: TClassLetter) => void;
}) {
  const { t, i18n } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const [title, setTitle] = useState(letter?.title ?? '');
  const [body, setBody] = useState(letter?.bodyHtml ?? '');
  const [files, setFiles] = useState<TAttachment[]>(letter?.attachments ?? []);
  const [publish, setPublish] = useState<TClassLetterPublish>(letter?.status === 'scheduled' ? 'scheduled' : 'draft');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [imageAlt, setImageAlt] = useState('');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [saved, setSaved] = useState<TClassLetter | null>(null);
  const save = useAction(() => {
    const input = {
      title,
      bodyHtml: body,
      attachmentIds: files.map((f) => f.id),
      publish,
      publishAt: publish === 'scheduled' && date && time ? copenhagenMoment(date, time) : null,
    };
    return letter
      ? api(classLetterContracts.edit, { params: { schoolId, letterId: letter.id }, body: input })
      : api(classLetterContracts.write, {
          params: { schoolId, classId },
          body: input,
          headers: { [IDEMPOTENCY_KEY_HEADER]: key },
        });
  });
  const problems = save.error ? fieldProblems(save.error, '') : {};

  const wrap = ({ before, after, placeholder }: Wrap) => {
    const el = area.current;
    if (!el) return;
    const { selectionStart: start, selectionEnd: end } = el;
    const chosen = body.slice(start, end) || placeholder;
    setBody(body.slice(0, start) + before + chosen + after + body.slice(end));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + before.length, start + before.length + chosen.length);
    });
  };
  const insertLink = () => {
    const href = window.prompt(t('classLetters.form.linkPrompt'), 'https://');
    if (href) wrap({ before: `<a href="${href.replace(/"/g, '')}">`, after: '</a>', placeholder: href });
  };
  const upload = async (event: ChangeEvent<HTMLInputElement>, asImage: boolean) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const uploaded = await attachmentsApi.upload(schoolId, file, () => undefined);
      setFiles((list) => [...list, uploaded]);
      if (asImage) {
        const alt = (imageAlt || file.name).replace(/"/g, '');
        setBody((text) => `${text}\n<img src="${attachmentsApi.downloadUrl(uploaded.id)}" alt="${alt}">`);
        setImageAlt('');
      }
    } catch (caught) {
      setUploadError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setUploading(false);
    }
  };

  const buttons: Array<{ label: string; wrap: Wrap }> = [
    { label: t('classLetters.form.bold'), wrap: { before: '<strong>', after: '</strong>', placeholder: '…' } },
    { label: t('classLetters.form.italic'), wrap: { before: '<em>', after: '</em>', placeholder: '…' } },
    { label: t('classLetters.form.heading'), wrap: { before: '<h2>', after: '</h2>\n', placeholder: '…' } },
    { label: t('classLetters.form.list'), wrap: { before: '<ul>\n<li>', after: '</li>\n</ul>\n', placeholder: '…' } },
  ];

  return (
    <form
      className="stack-sm"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run().then((result) => {
          if (!result) return;
          setSaved(result);
          if (!letter) {
            setTitle('');
            setBody('');
            setFiles([]);
            setKey(newIdempotencyKey());
          }
          onSaved?.(result);
        });
      }}
    >
      <TextField
        label={t('classLetters.form.title')}
        maxLength={CLASS_LETTER_TITLE_MAX}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={problems['title'] ? t('classLetters.form.errors.title') : undefined}
        required
      />
      <div role="toolbar" aria-label={t('classLetters.form.toolbar')} className="actions">
        {buttons.map((b) => (
          <button key={b.label} type="button" className="button button--secondary" onClick={() => wrap(b.wrap)}>
            {b.label}
          </button>
        ))}
        <button type="button" className="button button--secondary" onClick={insertLink}>
          {t('classLetters.form.link')}
        </button>
      </div>
      <TextAreaField
        ref={area}
        label={t('classLetters.form.body')}
        hint={t('classLetters.form.bodyHint')}
        rows={10}
        maxLength={CLASS_LETTER_BODY_MAX}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={problems['bodyHtml'] ? (save.error?.message ?? t('classLetters.form.errors.body')) : undefined}
      />
      <TextField
        label={t('classLetters.form.imageAlt')}
        value={imageAlt}
        onChange={(e) => setImageAlt(e.target.value)}
      />
      <div className="actions">
        <label className="button button--secondary letter-upload">
          {t('classLetters.form.image')}
          <input
            type="file"
            className="visually-hidden"
            accept="image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif"
            onChange={(e) => void upload(e, true)}
          />
        </label>
        <label className="button button--secondary letter-upload">
          {t('classLetters.form.file')}
          <input
            type="file"
            className="visually-hidden"
            accept={ATTACHMENT_ACCEPT}
            onChange={(e) => void upload(e, false)}
          />
        </label>
      </div>
      <div aria-live="polite">
        {uploading ? <p>{t('classLetters.form.uploading')}</p> : null}
        {uploadError ? (
          <Notice kind="error" live={false}>
            <p>{uploadError}</p>
          </Notice>
        ) : null}
      </div>
      {files.length > 0 ? (
        <ul className="link-list">
          {files.map((file) => (
            <li key={file.id}>
              {file.name}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setFiles((list) => list.filter((f) => f.id !== file.id))}
              >
                {t('classLetters.form.removeFile', { name: file.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className="stack-sm">
        <legend>{t('classLetters.form.publish')}</legend>
        {(['draft', 'now', 'scheduled'] as const).map((choice) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              name="publish"
              value={choice}
              checked={publish === choice}
              onChange={() => setPublish(choice)}
            />{' '}
            {t(
              choice === 'draft'
                ? 'classLetters.form.publishDraft'
                : choice === 'now'
                  ? 'classLetters.form.publishNow'
                  : 'classLetters.form.publishScheduled',
            )}
          </label>
        ))}
        {publish === 'scheduled' ? (
          <div className="stack-sm">
            <DateField
              label={t('classLetters.form.date')}
              value={date}
              onChange={setDate}
              error={
                problems['publishAt'] ? (save.error?.message ?? t('classLetters.form.errors.publishAt')) : undefined
              }
            />
            <TimeField label={t('classLetters.form.time')} value={time} onChange={setTime} />
          </div>
        ) : null}
      </fieldset>
      <ActionError error={save.error} />
      <div aria-live="polite">
        {saved ? (
          <Notice kind="success" live={false}>
            <p>
              {saved.status === 'published'
                ? t('classLetters.form.published')
                : saved.status === 'scheduled' && saved.publishAt
                  ? t('classLetters.form.scheduled', { at: formatDateTime(saved.publishAt, i18n.language) })
                  : t('classLetters.form.saved')}
            </p>
          </Notice>
        ) : null}
      </div>
      <p>
        <button type="submit" className="button" disabled={save.busy || uploading}>
          {t('classLetters.form.save')}
        </button>
      </p>
    </form>
  );
}
