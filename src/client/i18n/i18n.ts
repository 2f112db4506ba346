import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/errors.js';
import da from './da.json';
import { danishPossessive } from '../../shared/possessive.js';

export const LOCALE_STORAGE_KEY = 'samspil_lang';
/** The server reads the same cookie, so its error messages and e-mails follow the chosen language. */
export const LOCALE_COOKIE = 'samspil_lang';

export const isLocale = (value: unknown): value is Locale => value === 'da' || value === 'en';

function readCookie(name: string): string | undefined {
  return document.cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];
}

/** The language the reader chose on this device, if any: Danish is the default otherwise. */
export function storedLocale(): Locale | null {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  if (isLocale(stored)) return stored;
  const cookie = readCookie(LOCALE_COOKIE);
  return isLocale(cookie) ? cookie : null;
}

/** Applies a language to the page: the catalogue, `<html lang>`, and the persisted choice. */
export async function applyLocale(locale: Locale, options: { persist: boolean }): Promise<void> {
  if (options.persist) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Private browsing may refuse storage; the cookie below still carries the choice.
    }
    document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  }
  await loadCatalogue(locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

/**
 * Danish, the default, comes with the app; English is its own file, fetched the first time it
 * is chosen, so a Danish reader does not download a second catalogue (about 13 kB gzipped).
 */
async function loadCatalogue(locale: Locale): Promise<void> {
  if (locale === 'da' || i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: en } = await import('./en.json');
  i18next.addResourceBundle('en', 'translation', en);
}

/** The formats the catalogues use beside i18next's own: `{{child, possessive}}` ("Emmas", "Lukas'"). */
export function addFormats(instance: typeof i18next): void {
  instance.services.formatter?.add('possessive', (value: unknown) => danishPossessive(String(value)));
}

/** Starts the catalogues in the stored language, or in Danish when that language's file cannot be fetched. */
export async function initI18n(): Promise<Locale> {
  void i18next.use(initReactI18next).init({
    resources: { da: { translation: da } },
    lng: 'da',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  addFormats(i18next);
  const locale = storedLocale() ?? 'da';
  try {
    await loadCatalogue(locale);
  } catch {
    document.documentElement.lang = 'da';
    return 'da';
  }
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
  return locale;
}
