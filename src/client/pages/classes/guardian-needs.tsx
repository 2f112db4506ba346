import { useTranslation } from 'react-i18next';

interface Needs {
  language?: string;
  needsInterpreter?: boolean;
  preferredChannel?: 'app' | 'email' | 'sms' | 'letter';
  suspended?: boolean;
}

/** Language name in the reader's language, from a two-letter code ("ar" → "arabisk"). */
function languageName(code: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader === 'en' ? 'en' : 'da'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The small badges staff need before they write to a home: language, interpreter, channel, suspension. */
export function GuardianNeeds({ guardian }: { guardian: Needs }) {
  const { t, i18n } = useTranslation();
  const badges: string[] = [];
  if (guardian.suspended) badges.push(t('guardian.suspended'));
  if (guardian.language && guardian.language !== 'da') badges.push(languageName(guardian.language, i18n.language));
  if (guardian.needsInterpreter) badges.push(t('guardian.interpreter'));
  if (guardian.preferredChannel && guardian.preferredChannel !== 'app')
    badges.push(t(`guardian.channel.${guardian.preferredChannel}`));
  if (badges.length === 0) return null;
  return (
    <span className="badges">
      {badges.map((badge) => (
        <span key={badge} className={badge === t('guardian.suspended') ? 'badge badge--warning' : 'badge'}>
          {badge}
        </span>
      ))}
    </span>
  );
}
