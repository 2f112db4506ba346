import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, isSafeMessageLink, MessageText } from './message-parts.js';

const linksIn = (body: string) => renderToStaticMarkup(<MessageText body={body} />).match(/<a [^>]*>[^<]*<\/a>/g) ?? [];

describe('a message as text with its links', () => {
  it('makes web and e-mail addresses links that keep no opener and send no referrer', () => {
    const html = renderToStaticMarkup(
      <MessageText
        body={'Programmet: https://skole.dk/plan?uge=48\nSkriv til kontor@skole.dk eller se www.skole.dk'}
      />,
    );
    expect(html).toContain(
      '<a href="https://skole.dk/plan?uge=48" rel="noopener noreferrer">https://skole.dk/plan?uge=48</a>',
    );
    expect(html).toContain('<a href="mailto:kontor@skole.dk" rel="noopener noreferrer">kontor@skole.dk</a>');
    expect(html).toContain('<a href="https://www.skole.dk" rel="noopener noreferrer">www.skole.dk</a>');
  });

  it('never links another scheme, and shows markup as text', () => {
    const html = renderToStaticMarkup(
      <MessageText
        body={
          'javascript:alert(1) ftp://fil.dk/a file:///etc/passwd <img src=x onerror=alert(1)> tel:javascript:alert(1)'
        }
      />,
    );
    expect(html).not.toContain('<a ');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('lets through web addresses with http, https or no scheme, and e-mail', () => {
    expect(isSafeMessageLink('https://a.dk', 'url')).toBe(true);
    expect(isSafeMessageLink('HTTP://a.dk', 'url')).toBe(true);
    expect(isSafeMessageLink('a.dk/x', 'url')).toBe(true);
    expect(isSafeMessageLink('a@b.dk', 'email')).toBe(true);
    for (const value of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.dk', 'vbscript:x', 'tel:123'])
      expect(isSafeMessageLink(value, 'url'), value).toBe(false);
  });

  it('makes a written tel: address and a Danish phone number as people write it a tel: link', () => {
    expect(linksIn('Ring på tel:+4512345678 i dag')).toEqual([
      '<a href="tel:+4512345678" rel="noopener noreferrer">tel:+4512345678</a>',
    ]);
    expect(linksIn('Kontoret: +45 22 34 56 78.\nMobil 22 34 56 78, eller 22345678 og 2234 5678 (+4522345678)')).toEqual(
      [
        '<a href="tel:+4522345678" rel="noopener noreferrer">+45 22 34 56 78</a>',
        '<a href="tel:22345678" rel="noopener noreferrer">22 34 56 78</a>',
        '<a href="tel:22345678" rel="noopener noreferrer">22345678</a>',
        '<a href="tel:22345678" rel="noopener noreferrer">2234 5678</a>',
        '<a href="tel:+4522345678" rel="noopener noreferrer">+4522345678</a>',
      ],
    );
  });

  it('leaves dates, CPR numbers, amounts, account numbers and longer numbers as text', () => {
    for (const text of [
      'Født 010203-1234',
      'CPR 0102031234',
      'Mødet er 24.12.2026 eller 2026-12-24 kl. 12:30',
      'Det koster 12.345.678 kr.',
      'Det koster 22345678 kr, eller 22345678 DKK, eller 22 34 56 78% af det',
      'Beløbet er kr. 22345678',
      'Reg. 1234 konto 1234 22345678',
      'Nummeret 22 34 56 78 90 er for langt, og 223456789 også',
      'Sagsnr. 22345678-1 og 22345678/2026 og 22,345678',
      'Et gammelt nummer: 02345678 og 12345678',
      'Svensk nummer +46 22345678',
      'Kode ABC22345678',
    ])
      expect(findPhoneNumbers(text), text).toEqual([]);
  });

  it('keeps a number inside a web or e-mail address part of that address', () => {
    expect(linksIn('Se https://skole.dk/plan?id=22345678 eller skriv til 22345678@skole.dk')).toEqual([
      '<a href="https://skole.dk/plan?id=22345678" rel="noopener noreferrer">https://skole.dk/plan?id=22345678</a>',
      '<a href="mailto:22345678@skole.dk" rel="noopener noreferrer">22345678@skole.dk</a>',
    ]);
  });
});
