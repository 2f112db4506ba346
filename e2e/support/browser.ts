import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** A phone-sized screen: the app is built mobile first, so that is what the tests look at by default. */
export const MOBILE_VIEWPORT = { width: 390, height: 844 };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Debian's Chromium, which brings its fonts with it: the headless shell (`apt-get install
 * chromium-headless-shell`, what Playwright itself runs headless) when installed, else the full
 * browser (`chromium`) in its headless mode. On the 2-core machine the shell ran the browser tests
 * in two thirds of the full browser's time.
 */
const DEBIAN_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/**
 * Run as root without a sandbox, with no GPU, and without the background connections that a
 * machine without internet refuses many at a time. Both browsers take the same flags.
 */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * The browser the tests drive; they never download one. `SAMSPIL_BROWSER=npm` forces the
 * Chromium from the npm registry; otherwise `CHROMIUM_PATH` when set, then Debian's Chromium when
 * installed (its headless shell first), and else the npm registry's, so that `npm ci && npm test` needs nothing but Node.js.
 */
export async function launchBrowser(): Promise<Browser> {
  const installed = installedChromium();
  if (installed) return chromium.launch({ executablePath: installed, args: ARGS });
  const unpacked = await unpackNpmChromium();
  return chromium.launch({
    executablePath: unpacked.executablePath,
    args: ARGS,
    env: { ...process.env, FONTCONFIG_FILE: unpacked.fontconfigFile },
  });
}

function installedChromium(): string | undefined {
  if (process.env.SAMSPIL_BROWSER === 'npm') return undefined;
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return DEBIAN_CHROMIUMS.find((candidate) => existsSync(candidate));
}

/**
 * Unpacks the headless Chromium of `@sparticuz/chromium` once per machine and package version,
 * into `$TMPDIR/samspil-chromium-<version>`. The package's own cache (`/tmp/chromium`) is shared by
 * all its versions and takes a half-written file for a whole one, so the package unpacks into a
 * fresh folder (it writes to its process's TMPDIR, hence a child process: changing this
 * process's TMPDIR would move the test server's data folder too), which is then renamed into
 * place: a spec file, or another run, sees the whole browser or none.
 */
async function unpackNpmChromium(): Promise<{ executablePath: string; fontconfigFile: string }> {
  const packageRoot = path.resolve(
    path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')),
    '../..',
  );
  const { version } = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(tmpdir(), `samspil-chromium-${version}`);
  const unpacked = { executablePath: path.join(dir, 'chromium'), fontconfigFile: path.join(dir, 'fonts.conf') };
  if (existsSync(unpacked.fontconfigFile)) return unpacked;

  const staging = await mkdtemp(path.join(tmpdir(), 'samspil-chromium-unpacking-'));
  try {
    await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', "await (await import('@sparticuz/chromium')).default.executablePath();"],
      { cwd: root, env: { ...process.env, TMPDIR: staging } },
    );
    await writeFile(path.join(staging, 'fonts.conf'), fontconfig(dir));
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process may have put its copy in place first; that one is as good as ours.
    if (!existsSync(unpacked.fontconfigFile)) throw error;
  }
  return unpacked;
}

/**
 * The machine's fonts when it has any, and the Open Sans that the package ships (unpacked into
 * `fonts/`) when it has none, so pages render text and axe can check its contrast.
 */
function fontconfig(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(dir, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`;
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
