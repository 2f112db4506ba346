import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proseBlocks } from './prose.js';

describe('proseBlocks', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(proseBlocks('Første linje\nfortsætter her.\n\nAndet afsnit.')).toEqual([
      { kind: 'paragraph', text: 'Første linje fortsætter her.' },
      { kind: 'paragraph', text: 'Andet afsnit.' },
    ]);
  });

  it('turns "- " and "• " lines into one list, also right after an intro line', () => {
    expect(proseBlocks('Nogle af dem er:\n- AULA\n• Forældremøder\n-  Ugebrev\n\nSlut.')).toEqual([
      { kind: 'paragraph', text: 'Nogle af dem er:' },
      { kind: 'list', items: ['AULA', 'Forældremøder', 'Ugebrev'] },
      { kind: 'paragraph', text: 'Slut.' },
    ]);
  });

  it('handles Windows line endings and ignores empty input', () => {
    expect(proseBlocks('a\r\n\r\nb')).toEqual([
      { kind: 'paragraph', text: 'a' },
      { kind: 'paragraph', text: 'b' },
    ]);
    expect(proseBlocks('  \n\n ')).toEqual([]);
  });

  it('never loses a word of the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ord', 'to', '- ', '\n', '\n\n', ' ', '• ', 'x')).map((parts) => parts.join('')),
        (text) => {
          const words = (s: string) => s.split(/[\s•-]+/).filter(Boolean);
          const rendered = proseBlocks(text)
            .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items))
            .join(' ');
          expect(words(rendered)).toEqual(words(text));
        },
      ),
    );
  });
});
