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
    async ([context, runOptions, maxAttempts]) => {
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe;
      const signature = (r: AxeResults) => JSON.stringify(r.violations.map((v) => [v.id, v.nodes.map((n) => n.target)]));
      // A finding must hold on a page that holds still. axe reads the page in several asynchronous steps,
      // and a control caught while it changes (a button turning enabled once its data arrives, measured
      // at the disabled state's half opacity) reads as a contrast failure nobody would see. So a scan
      // during which the DOM changed is repeated, and findings count once a second scan repeats them.
      let previous: AxeResults | undefined;
      let last: AxeResults | undefined;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        let changed = false;
        const observer = new MutationObserver(() => (changed = true));
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
        last = await axe.run(context ?? document, runOptions);
        // Records not yet handed to the callback are taken here, or a change at the very end is missed.
        if (observer.takeRecords().length > 0) changed = true;
        observer.disconnect();
        if (!changed && (last.violations.length === 0 || (previous && signature(previous) === signature(last)))) return last;
        previous = changed ? undefined : last;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return last as AxeResults;
    },
    [within ?? null, options, 5] as const,
  );
}

/** Serious and critical findings, one readable line each: `<where>: <rule> (<impact>) <help>: <first nodes>`. */
export async function seriousViolations(page: Page, where: string, within?: string): Promise<string[]> {
  const result = await axeScan(page, within);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').at(-1)?.trim() ?? ''}`).slice(0, 3).join(', ')}`);
}
