import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftStatus } from './use-draft.js';

/**
 * A discreet line under a composer: "Kladde gemt" as the draft is kept (announced politely, never
 * interrupting the writer), and "Kassér kladde" while there is something to throw away.
 */
export function DraftStatusLine({
  status,
  canDiscard,
  onDiscard,
}: {
  status: DraftStatus;
  canDiscard: boolean;
  onDiscard(): void;
}) {
  const { t } = useTranslation();
  // While saving, the line keeps what it said, so a screen reader hears "Kladde gemt" once and
  // not again after every pause in typing.
  const shown = useRef('');
  if (status !== 'saving')
    shown.current = status === 'saved' ? t('messageDraft.saved') : status === 'failed' ? t('messageDraft.failed') : '';
  const text = shown.current;
  return (
    <div className="draft-status">
      <p className="field__hint" aria-live="polite">
        {text}
      </p>
      {canDiscard ? (
        <button type="button" className="button button--secondary button--small" onClick={onDiscard}>
          {t('messageDraft.discard')}
        </button>
      ) : null}
    </div>
  );
}
