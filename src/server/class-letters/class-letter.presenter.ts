import { className } from '../../shared/api/directory.schema.js';
import type { TAttachment } from '../../shared/api/attachment.schema.js';
import type { TClassLetter, TClassLetterSummary } from '../../shared/api/class-letter.schema.js';
import { attachmentSrc, letterExcerpt } from './letter-html.js';
import type { LetterRow } from './class-letter.repository.js';

/** What the reader may see of a letter beyond its row: the staff's count of reads, a home's own read. */
export interface LetterView {
  reads: { households: number; read: number } | null;
  readAt: Date | null;
  mayEdit: boolean;
}

/**
 * A letter as its reader may see it: the class's staff with how many of the class's households
 * have read it, a guardian with their own first opening.
 */
export function presentClassLetter(r: LetterRow, view: LetterView & { attachments: TAttachment[] }): TClassLetter {
  return {
    ...presentLetterHead(r, view),
    bodyHtml: r.body_html,
    attachments: view.attachments.map((a) => ({ ...a, inText: r.body_html.includes(`src="${attachmentSrc(a.id)}"`) })),
  };
}

/** A letter in a list: the same, with the start of its words instead of the text and files. */
export function presentClassLetterSummary(r: LetterRow, view: LetterView): TClassLetterSummary {
  return { ...presentLetterHead(r, view), excerpt: letterExcerpt(r.body_html) };
}

/** What the whole letter and the list's share: who, where, when, and the reader's view of it. */
function presentLetterHead(r: LetterRow, view: LetterView): Omit<TClassLetterSummary, 'excerpt'> {
  return {
    id: r.id,
    class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
    title: r.title,
    status: r.status,
    publishAt: r.publish_at?.toISOString() ?? null,
    publishedAt: r.published_at?.toISOString() ?? null,
    writtenBy: { name: `${r.writer_given_name} ${r.writer_family_name}`.trim() },
    reads: view.reads,
    readAt: view.readAt?.toISOString() ?? null,
    mayEdit: view.mayEdit,
  };
}
