import { className } from '../../shared/api/directory.schema.js';
import type { TAttachment } from '../../shared/api/attachment.schema.js';
import type { TClassLetter } from '../../shared/api/class-letter.schema.js';
import { attachmentSrc } from './letter-html.js';
import type { LetterRow } from './class-letter.repository.js';

/**
 * A letter as its reader may see it: the class's staff with how many of the class's households
 * have read it, a guardian with their own first opening.
 */
export function presentClassLetter(
  r: LetterRow,
  view: {
    attachments: TAttachment[];
    reads: { households: number; read: number } | null;
    readAt: Date | null;
    mayEdit: boolean;
  },
): TClassLetter {
  return {
    id: r.id,
    class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
    title: r.title,
    bodyHtml: r.body_html,
    status: r.status,
    publishAt: r.publish_at?.toISOString() ?? null,
    publishedAt: r.published_at?.toISOString() ?? null,
    writtenBy: { name: `${r.writer_given_name} ${r.writer_family_name}`.trim() },
    attachments: view.attachments.map((a) => ({ ...a, inText: r.body_html.includes(`src="${attachmentSrc(a.id)}"`) })),
    reads: view.reads,
    readAt: view.readAt?.toISOString() ?? null,
    mayEdit: view.mayEdit,
  };
}
