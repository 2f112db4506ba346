/**
 * A principle's prose is plain text a board can type into a text area: blank lines separate
 * paragraphs, and lines starting with "- " (or "• ") are bullet items. No markup reaches the
 * page, so nothing typed here can inject HTML.
 */
export type TProseBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^\s*[-•]\s+/;

export function proseBlocks(text: string): TProseBlock[] {
  const blocks: TProseBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) blocks.push({ kind: 'list', items: list });
    list = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (BULLET.test(line)) {
      flushParagraph();
      const item = line.replace(BULLET, '').trim();
      if (item !== '') list.push(item);
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
