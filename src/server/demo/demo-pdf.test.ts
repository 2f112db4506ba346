import { describe, expect, it } from 'vitest';
import { sniffContentType } from '../attachments/attachment-content.js';
import { textPdf } from './demo-pdf.js';

describe('the demo PDF', () => {
  it('is a PDF by its content, with a cross-reference table where the trailer says', async () => {
    const pdf = textPdf(['Tur til Økolariet (fredag)', 'Husk madpakke']);
    expect(await sniffContentType(pdf)).toBe('application/pdf');
    const text = pdf.toString('latin1');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    // Every object starts where the table says it does.
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(5);
    entries.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    // Danish letters in WinAnsi, parentheses escaped.
    expect(text).toContain("(Tur til \u00d8kolariet \\(fredag\\)) '");
  });
});
