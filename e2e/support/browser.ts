import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** A phone-sized screen: the app is built mobile first, so that is what the tests look at by default. */
export const MOBILE_VIEWPORT = { width: 390, height: 844 };

/** Debian's Chromium; the tests never download a browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  locale?: string;
}

/** A fresh browser context (its own cookies and storage) with one page, pointed at the server. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? MOBILE_VIEWPORT,
    locale: options.locale ?? 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}
