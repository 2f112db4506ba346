import { useCallback, useEffect, useRef, useState } from 'react';
import type { TDraft } from '../../../shared/api/draft.schema.js';
import { draftsApi, type DraftTarget } from '../../api/drafts.api.js';

/** Saving waits this long after the last keystroke, so typing is not a request per letter. */
export const DRAFT_SAVE_DELAY_MS = 800;

export interface DraftContent {
  subject?: string;
  body: string;
  attachmentIds: string[];
}

/** idle: nothing kept; saving; saved: the server holds what is on screen; failed: it could not be saved. */
export type DraftStatus = 'idle' | 'saving' | 'saved' | 'failed';

const snapshot = (content: DraftContent) =>
  JSON.stringify([content.subject ?? '', content.body, content.attachmentIds]);
const isEmpty = (content: DraftContent) =>
  (content.subject ?? '').trim() === '' && content.body.trim() === '' && content.attachmentIds.length === 0;

/**
 * Keeps a composer's text as a draft on the server: restored when the composer opens again for
 * the same target, saved a moment after the writer stops typing. `forget` removes it: after a
 * successful send (the client does this, not the send) or when the writer throws it away.
 */
export function useDraft(target: DraftTarget, content: DraftContent, restore: (draft: TDraft) => void) {
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [loaded, setLoaded] = useState(false);
  const saved = useRef(snapshot({ body: '', attachmentIds: [] }));
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  const key = `${target.schoolId}/${target.kind}/${target.targetId}`;
  const targetRef = useRef(target);
  targetRef.current = target;

  useEffect(() => {
    const controller = new AbortController();
    setLoaded(false);
    setStatus('idle');
    saved.current = snapshot({ body: '', attachmentIds: [] });
    draftsApi.get(targetRef.current, controller.signal).then(
      ({ draft }) => {
        if (controller.signal.aborted) return;
        if (draft) {
          saved.current = snapshot({
            subject: draft.subject,
            body: draft.body,
            attachmentIds: draft.attachments.map((a) => a.id),
          });
          restoreRef.current(draft);
          setStatus('saved');
        }
        setLoaded(true);
      },
      () => {
        // Without the earlier draft the composer still works; saving starts from what is typed.
        if (!controller.signal.aborted) setLoaded(true);
      },
    );
    return () => controller.abort();
  }, [key]);

  const current = snapshot(content);
  const contentRef = useRef(content);
  contentRef.current = content;
  useEffect(() => {
    if (!loaded || current === saved.current) return;
    const timer = setTimeout(() => {
      const sending = contentRef.current;
      setStatus('saving');
      draftsApi
        .save(targetRef.current, {
          subject: sending.subject ?? '',
          body: sending.body,
          attachmentIds: sending.attachmentIds,
        })
        .then(
          () => {
            saved.current = snapshot(sending);
            setStatus(isEmpty(sending) ? 'idle' : 'saved');
          },
          () => setStatus('failed'),
        );
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loaded, current]);

  /** The message was sent: the draft goes, and the emptied composer is not saved again. */
  const forget = useCallback(() => {
    saved.current = snapshot({ body: '', attachmentIds: [] });
    setStatus('idle');
    void draftsApi.discard(targetRef.current).catch(() => undefined);
  }, []);

  return { status, forget };
}
