import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_TARGET_KB, kB, measureBundle, type BundleReport } from '../bench/support/bundle-size';

/**
 * The renderer build `npm test` makes (scripts/test.sh builds before Vitest) keeps its shape: other
 * tabs, editors and dialogs load on demand, no chunk passes 500 kB, and the initial JavaScript does
 * not grow past its budget. bench/bundle.ts prints the same figures.
 *
 * The target for the initial JS is 250 kB minified; it is not met: React's runtime chunk alone
 * is ~219 kB, and the first screen's own dependencies (react-resizable-panels, the virtualizer,
 * react-query, Radix menus and tooltips with floating-ui) come on top (bench/bundle.ts reports the
 * figures). zod and everything not on the first screen (other tabs, overlays, dialogs, the Details
 * panel) load on demand, checked below. INITIAL_BUDGET_KB is the size measured when that split landed
 * (528 kB, from 763 kB) plus a little headroom, so a regression (an eager import of another tab, editor
 * or dialog, a schema module imported by the first screen, a new heavy dependency) fails here.
 */
const INITIAL_BUDGET_KB = 550;

/** Parts that must stay out of the first load, by the chunk their dynamic import() produces. */
const ON_DEMAND = [
  'UrlBuilder',
  'PurgeView',
  'MetadataView',
  'CustomMetadataView',
  'TransferDialog',
  'UploadsOverlay',
  'TransfersOverlay',
  'ProfileDialog',
  'DetailsPanel',
  'BrowserDialogs',
  'PaletteDialog',
  'ToastLayer',
  'FirstRun',
];

const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
const built = existsSync(path.join(rendererDir, 'index.html'));
let report: BundleReport;

beforeAll(async () => {
  if (built) report = await measureBundle(rendererDir);
});

describe.skipIf(!built)('renderer bundle (dist/renderer; skipped when the renderer is not built: run `npm run build`)', () => {
  it(`has no chunk over ${CHUNK_TARGET_KB} kB`, () => {
    const over = report.chunks.filter((c) => kB(c.bytes) > CHUNK_TARGET_KB).map((c) => `${c.file} ${kB(c.bytes)} kB`);
    expect(over).toEqual([]);
  });

  it(`loads at most ${INITIAL_BUDGET_KB} kB of JavaScript before the app runs`, () => {
    expect(kB(report.initialBytes)).toBeLessThanOrEqual(INITIAL_BUDGET_KB);
  });

  it('keeps React in its own chunk, part of the first load', () => {
    expect(report.react, 'a react-*.js chunk over 100 kB').toBeDefined();
    expect(report.initial.map((c) => c.file)).toContain(report.react!.file);
  });

  it('keeps zod (the contract schemas) out of the first load: the first screen imports no schema module', () => {
    const zod = report.chunks.filter((c) => /^assets\/zod-[\w-]+\.js$/.test(c.file) && c.bytes > 50_000);
    expect(zod.map((c) => c.file), 'no zod-*.js chunk over 50 kB (vite.config.ts groups zod into one)').toHaveLength(1);
    expect(report.initial.map((c) => c.file)).not.toContain(zod[0]!.file);
  });

  it.each(ON_DEMAND)('loads %s on demand: a chunk of its own, not part of the initial load', (name) => {
    const own = report.chunks.filter((c) => path.basename(c.file).startsWith(`${name}-`));
    expect(own.map((c) => c.file), `no ${name}-*.js chunk: something imports it statically`).toHaveLength(1);
    expect(report.initial.map((c) => c.file)).not.toContain(own[0]!.file);
  });
});
