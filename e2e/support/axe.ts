import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** The rules every scan runs: WCAG 2.0 and 2.1, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page as it is now, on the whole page or inside `within` (a CSS selector).
 *
 * @axe-core/playwright's AxeBuilder injects the whole axe-core script (≈ 550 kB) before every scan,
 * which took about 0.8 s of each 1 s dialog scan here; this injects it once per document and then
 * calls axe.run. Page.evaluate runs outside the page's CSP, as AxeBuilder's injection does.
 */
export async function axeScan(page: Page, within?: string): Promise<AxeResults> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const options: RunOptions = { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] };
  return page.evaluate(
    ([context, runOptions]) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(context ?? document, runOptions),
    [within ?? null, options] as const,
  );
}

/** Serious and critical findings, one readable line each: `<where>: <rule> (<impact>) <help>: <first nodes>`. */
export async function seriousViolations(page: Page, where: string, within?: string): Promise<string[]> {
  const result = await axeScan(page, within);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').at(-1)?.trim() ?? ''}`).slice(0, 3).join(', ')}`);
}
