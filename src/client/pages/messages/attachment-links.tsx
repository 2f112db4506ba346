import { useTranslation } from 'react-i18next';
import type { TAttachment } from '../../../shared/api/attachment.schema.js';
import { attachmentsApi } from '../../api/attachments.api.js';
import { formatNumber } from '../../ui/format.js';

/** A file size as people read it: "84 kB", "2,4 MB". */
export function formatFileSize(bytes: number, language: string): string {
  if (bytes < 1024 * 1024)
    return formatNumber(Math.max(1, Math.round(bytes / 1024)), language, { style: 'unit', unit: 'kilobyte' });
  return formatNumber(bytes / 1024 / 1024, language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}

/** A message's files as download links with their name and size. */
export function AttachmentLinks({ attachments }: { attachments: TAttachment[] }) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <ul className="message__attachments" aria-label={t('attachments.ofMessage', { count: attachments.length })}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={attachmentsApi.downloadUrl(attachment.id)} download={attachment.name}>
            {attachment.name}
          </a>{' '}
          <span className="field__hint">({formatFileSize(attachment.size, i18n.language)})</span>
        </li>
      ))}
    </ul>
  );
}
