import { Paperclip } from 'lucide-react';
import { useCallback, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_MESSAGE_MAX,
  type TAttachment,
} from '../../../shared/api/attachment.schema.js';
import { ApiError } from '../../api/api-error.js';
import { attachmentsApi } from '../../api/attachments.api.js';
import { useErrorText } from '../../ui/errors.js';
import { formatFileSize } from './attachment-links.js';
import '../../styles/attachment-picker.css';

const MAX_MB = Math.round(ATTACHMENT_MAX_BYTES / 1024 / 1024);

/** Why a picked file is not attached: the server's answer, or a limit the browser already knows. */
type Problem = { kind: 'api'; error: ApiError } | { kind: 'tooLarge' } | { kind: 'tooMany' };

/** One picked file: uploading (progress), attached (its attachment) or refused (its problem). */
export interface PickedFile {
  key: string;
  name: string;
  size: number;
  progress: number;
  attachment: TAttachment | null;
  problem: Problem | null;
}

export interface AttachmentsState {
  files: PickedFile[];
  /** The uploads that are ready to send, in the order they were picked. */
  ready: TAttachment[];
  uploading: boolean;
  /** The latest change in words, for the polite live region. */
  announcement: string;
  add(files: File[]): void;
  remove(key: string): void;
  /** Shows the uploads a restored draft holds. */
  restore(attachments: TAttachment[]): void;
  /** After a send: the files went with the message. */
  clear(): void;
  /** The writer throws the draft away: the uploads are removed from the server too. */
  discard(): void;
}

let pickCounter = 0;

/**
 * The files of one composer: each is uploaded as soon as it is picked, so the send only names
 * them. Limits the browser can see (size, count) are told at once without an upload; the server
 * still decides the type from the content.
 */
export function useAttachments(schoolId: string): AttachmentsState {
  const { t } = useTranslation();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const uploads = useRef(new Map<string, AbortController>());
  const filesRef = useRef(files);
  filesRef.current = files;

  const update = useCallback(
    (key: string, change: Partial<PickedFile>) =>
      setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f))),
    [],
  );

  const add = useCallback(
    (picked: File[]) => {
      let room = ATTACHMENTS_PER_MESSAGE_MAX - filesRef.current.filter((f) => !f.problem).length;
      const added: PickedFile[] = picked.map((file) => {
        const entry: PickedFile = {
          key: `pick-${(pickCounter += 1)}`,
          name: file.name,
          size: file.size,
          progress: 0,
          attachment: null,
          problem: null,
        };
        if (room <= 0) return { ...entry, problem: { kind: 'tooMany' } };
        if (file.size > ATTACHMENT_MAX_BYTES) return { ...entry, problem: { kind: 'tooLarge' } };
        room -= 1;
        const controller = new AbortController();
        uploads.current.set(entry.key, controller);
        attachmentsApi
          .upload(schoolId, file, (share) => update(entry.key, { progress: share }), controller.signal)
          .then(
            (attachment) => {
              update(entry.key, { attachment, progress: 1 });
              setAnnouncement(t('attachments.attached', { name: attachment.name }));
            },
            (error: unknown) => {
              if (error instanceof DOMException && error.name === 'AbortError') return;
              update(entry.key, {
                problem: {
                  kind: 'api',
                  error: error instanceof ApiError ? error : new ApiError(0, 'network', '', null, undefined, undefined),
                },
              });
              setAnnouncement(t('attachments.failed', { name: file.name }));
            },
          )
          .finally(() => uploads.current.delete(entry.key));
        return entry;
      });
      setFiles((list) => [...list, ...added]);
    },
    [schoolId, t, update],
  );

  const remove = useCallback(
    (key: string) => {
      const file = filesRef.current.find((f) => f.key === key);
      if (!file) return;
      uploads.current.get(key)?.abort();
      // A removal that fails leaves an upload nobody sends; the server removes those after a day.
      if (file.attachment) void attachmentsApi.remove(file.attachment.id).catch(() => undefined);
      setFiles((list) => list.filter((f) => f.key !== key));
      setAnnouncement(t('attachments.removed', { name: file.name }));
    },
    [t],
  );

  const restore = useCallback((attachments: TAttachment[]) => {
    const restored = new Set(attachments.map((a) => a.id));
    // Files picked while the draft loaded stay with the draft's.
    setFiles((list) => [
      ...attachments.map((a) => ({ key: a.id, name: a.name, size: a.size, progress: 1, attachment: a, problem: null })),
      ...list.filter((f) => !f.attachment || !restored.has(f.attachment.id)),
    ]);
  }, []);
  const clear = useCallback(() => setFiles([]), []);
  const discard = useCallback(() => {
    for (const file of filesRef.current) {
      uploads.current.get(file.key)?.abort();
      if (file.attachment) void attachmentsApi.remove(file.attachment.id).catch(() => undefined);
    }
    setFiles([]);
  }, []);

  const ready = useMemo(() => files.flatMap((f) => (f.attachment ? [f.attachment] : [])), [files]);
  const uploading = files.some((f) => !f.attachment && !f.problem);
  return { files, ready, uploading, announcement, add, remove, restore, clear, discard };
}

function ProblemText({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (problem.kind === 'tooLarge') return <>{t('attachments.tooLarge', { maxMb: MAX_MB })}</>;
  if (problem.kind === 'tooMany') return <>{t('attachments.tooMany', { max: ATTACHMENTS_PER_MESSAGE_MAX })}</>;
  return <>{errorText(problem.error)}</>;
}

/**
 * "Vedhæft filer": a button with a paperclip that opens the file chooser, the allowed types and
 * sizes under it, and the picked files with their state. The real file input is visually hidden
 * but stays the control that has the focus, so the keyboard (Tab, then Enter or Space) and
 * screen readers reach it as a file input; its focus ring is drawn on the button. On a screen with
 * a mouse, files can be dropped on the button's area too.
 */
export function AttachmentPicker({ id, state }: { id: string; state: AttachmentsState }) {
  const { t, i18n } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const hintId = `${id}-hint`;
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    state.add(Array.from(event.target.files ?? []));
    // Picking the same file again after removing it must fire a change too.
    event.target.value = '';
  };
  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    state.add(Array.from(event.dataTransfer.files));
  };
  return (
    <div className="field attachment-picker">
      <div
        className={dragging ? 'attachment-picker__zone attachment-picker__zone--dragging' : 'attachment-picker__zone'}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <input
          type="file"
          id={id}
          className="attachment-picker__input"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-describedby={hintId}
          onChange={onChange}
        />
        <label htmlFor={id} className="button button--secondary attachment-picker__button">
          <Paperclip aria-hidden="true" focusable="false" size={20} />
          {t('attachments.label')}
        </label>
        {/* Only a mouse can drag; the keyboard and screen readers have the button. */}
        <span className="attachment-picker__drop" aria-hidden="true">
          {t('attachments.dropHint')}
        </span>
      </div>
      <p className="field__hint" id={hintId}>
        {t('attachments.hint', { max: ATTACHMENTS_PER_MESSAGE_MAX, maxMb: MAX_MB })}
      </p>
      {state.files.length > 0 ? (
        <ul className="attachment-picker__files" aria-label={t('attachments.listLabel')}>
          {state.files.map((file) => (
            <li key={file.key}>
              <span>
                {file.name} ({formatFileSize(file.size, i18n.language)})
              </span>{' '}
              {file.problem ? (
                <span className="field__error">
                  <ProblemText problem={file.problem} />
                </span>
              ) : file.attachment ? (
                <span className="field__hint">{t('attachments.ready')}</span>
              ) : (
                <progress max={1} value={file.progress} aria-label={t('attachments.uploading', { name: file.name })} />
              )}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => state.remove(file.key)}
                aria-label={t('attachments.remove', { name: file.name })}
              >
                {t('attachments.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {state.announcement}
      </p>
    </div>
  );
}
