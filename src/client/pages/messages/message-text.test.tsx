import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isSafeMessageLink, MessageText } from './message-parts.js';

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
      <MessageText body={'javascript:alert(1) ftp://fil.dk/a file:///etc/passwd <img src=x onerror=alert(1)>'} />,
    );
    expect(html).not.toContain('<a ');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('lets through web addresses with http, https or no scheme, and e-mail', () => {
    expect(isSafeMessageLink('https://a.dk', 'url')).toBe(true);
    expect(isSafeMessageLink('HTTP://a.dk', 'url')).toBe(true);
    expect(isSafeMessageLink('a.dk/x', 'url')).toBe(true);
    expect(isSafeMessageLink('a@b.dk', 'email')).toBe(true);
    for (const value of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.dk', 'vbscript:x'])
      expect(isSafeMessageLink(value, 'url'), value).toBe(false);
  });
});
