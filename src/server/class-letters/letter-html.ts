import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

/**
 * A class letter's rich text, cleaned on the server by sanitize-html (a maintained sanitiser,
 * docs/ARCHITECTURE.md) before it is stored: paragraphs, two heading levels, bold, italics,
 * lists, links to the web or an e-mail address (opened without access to our page), and images
 * that are the letter's own attachments. Everything else goes: a script and its text, style,
 * event handlers (`onerror=`), `javascript:` links, images from elsewhere (they would tell another
 * server who reads the letter). The client shows the stored text as it is.
 */

const ATTACHMENT_SRC = /^\/api\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The attachment an image's `src` points at, or null when it is not one of ours. */
export function attachmentIdOfSrc(src: string | undefined): string | null {
  return src ? (ATTACHMENT_SRC.exec(src)?.[1] ?? null) : null;
}

/** The `src` an image in a letter uses for one of its attachments. */
export const attachmentSrc = (attachmentId: string) => `/api/attachments/${attachmentId}`;

/**
 * Cleans a letter's text. Images stay only when they show one of `imageIds` (the letter's own
 * attachments); the ids of those used are returned too.
 */
export function sanitizeLetterHtml(dirty: string, imageIds: ReadonlySet<string>): { html: string; images: string[] } {
  const images: string[] = [];
  const html = sanitizeHtml(dirty, {
    allowedTags: ['p', 'br', 'h2', 'h3', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'img'],
    allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      b: 'strong',
      i: 'em',
      h1: 'h2',
      // A link anywhere but the web or an e-mail address becomes its plain words.
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = attribs['href']?.trim() ?? '';
        return /^(https?:\/\/|mailto:)/i.test(href)
          ? { tagName, attribs: { href, rel: 'noopener noreferrer' } }
          : { tagName: 'span', attribs: {} };
      },
    },
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const id = attachmentIdOfSrc(frame.attribs['src']);
      if (!id || !imageIds.has(id)) return true;
      images.push(id);
      return false;
    },
  });
  return { html: html.trim(), images: [...new Set(images)] };
}

/**
 * The letter's words without markup, as plain text (`&amp;` is `&` again): for the check that
 * something is left, and the excerpt a list shows.
 */
export function letterText(html: string): string {
  const escaped = sanitizeHtml(html.replace(/<\/(p|h2|h3|li)>|<br\s*\/?>/g, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return decodeHTML(escaped).replace(/\s+/g, ' ').trim();
}

/** Longest excerpt of a letter in a list, in characters. */
export const LETTER_EXCERPT_MAX = 160;

/** The start of the letter's words for a list: whole words, with an ellipsis when it goes on. */
export function letterExcerpt(html: string): string {
  // A heading runs on into its text with a dash, unless it ends its own sentence.
  const words = html
    .split(/<\/h[23]>/)
    .map(letterText)
    .filter((part) => part !== '')
    .map((part, i, parts) => (i < parts.length - 1 && !/[.!?:–]$/.test(part) ? `${part} –` : part))
    .join(' ');
  if (words.length <= LETTER_EXCERPT_MAX) return words;
  const cut = words.slice(0, LETTER_EXCERPT_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > LETTER_EXCERPT_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
