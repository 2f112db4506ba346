import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core itself, put into a page once per document. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only what fails: collecting every passing node as well doubles the time of a run.
  resultTypes: ['violations'],
};

/**
 * Runs axe-core on the page as it is now and fails with a readable list of every WCAG 2.1 A/AA
 * violation: rule, impact, help text and the offending elements.
 *
 * axe-core runs in the page directly: its source goes in once per document (the app's own
 * navigations keep it), and the check is one call. Measured on the 2-core machine, that is a
 * third of the time `@axe-core/playwright` took, which injects the source on every check and
 * opens a second page to assemble the result.
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } })
      .axe;
    return (await axe.run(document, options)).violations;
  }, OPTIONS);
  if (violations.length === 0) return;
  const report = violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 8)
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`Accessibility violations on ${label}:\n${report}`);
}
