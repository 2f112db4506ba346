import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdviceHint, TWritingAdvice, TWritingAdviceRequest } from '../../../shared/api/messaging.schema.js';
import { writingAdviceApi } from '../../api/writing-advice.api.js';

/** Long enough that a writer who pauses gets advice, short enough that it does not follow every key. */
const ADVICE_DELAY_MS = 700;

/** Asks for advice on the draft a moment after the writer stops typing; a failure just means no advice. */
function useWritingAdvice(draft: TWritingAdviceRequest): TWritingAdvice | null {
  const [advice, setAdvice] = useState<TWritingAdvice | null>(null);
  const { text, subject, studentId, classId, schoolId } = draft;
  useEffect(() => {
    if (text.trim() === '') {
      setAdvice(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      writingAdviceApi
        .advise({ text, subject: subject || undefined, studentId, classId, schoolId }, controller.signal)
        .then(
          (result) => {
            if (!controller.signal.aborted) setAdvice(result);
          },
          () => undefined,
        );
    }, ADVICE_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, subject, studentId, classId, schoolId]);
  return advice;
}

function Hint({ hint, onRequestCall }: { hint: TAdviceHint; onRequestCall?: () => void }) {
  const { t, i18n } = useTranslation();
  if (hint.code === 'consider_call_or_meeting') {
    const topics = (hint.topics ?? []).map((topic) => t(`messages.advice.topics.${topic}`));
    const list = new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', { type: 'conjunction' }).format(
      topics,
    );
    return (
      <li className="advice__hint advice__hint--call">
        <p>
          {topics.length > 0
            ? t('messages.advice.callOrMeet', { topics: list })
            : t('messages.advice.callOrMeetGeneral')}
        </p>
        {onRequestCall ? (
          <p>
            <button type="button" className="button button--secondary button--small" onClick={onRequestCall}>
              {t('messages.advice.requestCall')}
            </button>
          </p>
        ) : null}
      </li>
    );
  }
  return (
    <li className="advice__hint">
      <p>{hint.code === 'write_easier' ? t('messages.advice.writeEasier') : t('messages.advice.shouting')}</p>
    </li>
  );
}

/**
 * Readability (LIX) and gentle hints while writing: easier words, a call or a meeting for a
 * sensitive matter (seed 002), a calmer tone. Advice only: sending is never blocked.
 */
export function WritingAdvice({ draft, onRequestCall }: { draft: TWritingAdviceRequest; onRequestCall?: () => void }) {
  const { t } = useTranslation();
  const advice = useWritingAdvice(draft);
  // The readability line holds its place from the first word on, so the advice arriving a moment
  // later does not move the send button under a click.
  const writing = draft.text.trim() !== '';
  return (
    <div className="advice" aria-live="polite">
      {writing ? (
        <p className="advice__readability">
          {advice
            ? t('messages.advice.readability', {
                band: t(`messages.advice.band.${advice.band}`),
                lix: Math.round(advice.lix),
              })
            : '\u00a0'}
        </p>
      ) : null}
      {advice && writing ? (
        <>
          {advice.hints.length > 0 ? (
            <ul className="advice__hints">
              {advice.hints.map((hint) => (
                <Hint key={hint.code} hint={hint} onRequestCall={onRequestCall} />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
