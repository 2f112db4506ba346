import { useCallback } from 'react';
import type { TDraft } from '../../../shared/api/draft.schema.js';
import type { DraftTarget } from '../../api/drafts.api.js';
import { AttachmentPicker, useAttachments, type AttachmentsState } from './attachment-picker.js';
import { DraftStatusLine } from './draft-status.js';
import { useDraft, type DraftStatus } from './use-draft.js';

/** The text a composer holds, and how it puts restored or emptied text back into its fields. */
interface ComposerText {
  subject?: string;
  body: string;
  /** Puts text into the composer's fields (a restored draft, or empty after a discard). */
  setText(text: { subject: string; body: string }): void;
  /**
   * Puts a restored draft's text in without overwriting what the writer typed while it loaded;
   * without it, `setText` restores.
   */
  restoreText?(text: { subject: string; body: string }): void;
}

export interface ComposerDraft {
  attachments: AttachmentsState;
  status: DraftStatus;
  /** The ids to send with the message, or undefined when there are none. */
  attachmentIds: string[] | undefined;
  /** Something is still uploading: the send waits. */
  uploading: boolean;
  hasContent: boolean;
  /** After a successful send: the draft goes, the files went with the message. */
  sent(): void;
  /** The writer throws it all away: text, uploads and draft. */
  discard(): void;
}

/**
 * What every composer adds to its own fields: attachments uploaded on pick, and a draft kept on
 * the server as the writer types and restored when they come back to the same target.
 */
export function useComposerDraft(target: DraftTarget, text: ComposerText): ComposerDraft {
  const attachments = useAttachments(target.schoolId);
  const ids = attachments.ready.map((a) => a.id);
  const { setText, restoreText = setText } = text;
  const { restore: restoreFiles } = attachments;
  const restore = useCallback(
    (draft: TDraft) => {
      restoreText({ subject: draft.subject, body: draft.body });
      restoreFiles(draft.attachments);
    },
    [restoreText, restoreFiles],
  );
  const draft = useDraft(target, { subject: text.subject, body: text.body, attachmentIds: ids }, restore);
  return {
    attachments,
    status: draft.status,
    attachmentIds: ids.length > 0 ? ids : undefined,
    uploading: attachments.uploading,
    hasContent: (text.subject ?? '').trim() !== '' || text.body.trim() !== '' || attachments.files.length > 0,
    sent() {
      draft.forget();
      attachments.clear();
    },
    discard() {
      draft.forget();
      attachments.discard();
      setText({ subject: '', body: '' });
    },
  };
}

/** The file input with the picked files. */
export function ComposerAttachments({ id, draft }: { id: string; draft: ComposerDraft }) {
  return <AttachmentPicker id={id} state={draft.attachments} />;
}

/**
 * The draft's status line with "Kassér kladde", after the send button: the writer who tabs
 * through the form reaches "Send" before the button that throws the message away.
 */
export function ComposerDraftStatus({ draft }: { draft: ComposerDraft }) {
  return (
    <DraftStatusLine
      status={draft.status}
      canDiscard={draft.hasContent || draft.status === 'saved'}
      onDiscard={draft.discard}
    />
  );
}
