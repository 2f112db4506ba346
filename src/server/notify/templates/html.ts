import type { Locale } from '../../../shared/errors.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values; every value a template inserts goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export interface HtmlMailContent {
  locale: Locale;
  title: string;
  paragraphs: string[];
  /** Parts after the paragraphs, each a lead paragraph and its list of links: a digest's messages, then its letters. */
  sections?: Array<{ lead: string; links: Array<{ text: string; url: string }> }>;
  /** One call to action, shown as a link button with its address written out below for copying. */
  action?: { label: string; url: string };
  /** Smaller text after the action, e.g. why the reader got the mail. */
  footer?: string[];
}

/**
 * A plain, single-column HTML mail: inline styles only (mail clients drop style sheets), real
 * text rather than images, and the language set so screen readers pronounce it right.
 */
export function renderHtmlMail(content: HtmlMailContent): string {
  const p = (text: string, style = '') => `<p style="margin:0 0 16px;${style}">${escapeHtml(text)}</p>`;
  const list = (links: Array<{ text: string; url: string }>) =>
    `<ul style="margin:0 0 16px;padding-left:20px">${links.map((l) => `<li style="margin:0 0 8px"><a href="${escapeHtml(l.url)}" style="color:#1d4ed8">${escapeHtml(l.text)}</a></li>`).join('')}</ul>`;
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      p(content.action.url, 'font-size:13px;color:#374151;word-break:break-all')
    : '';
  return [
    '<!doctype html>',
    `<html lang="${content.locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">',
    content.paragraphs.map((text) => p(text)).join(''),
    (content.sections ?? []).map((s) => p(s.lead) + (s.links.length ? list(s.links) : '')).join(''),
    action,
    (content.footer ?? []).map((text) => p(text, 'font-size:13px;color:#4b5563')).join(''),
    '</div></body></html>',
  ].join('');
}
