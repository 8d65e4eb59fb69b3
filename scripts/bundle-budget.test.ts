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
 * is ~219 kB, zod (the contract's schemas, built when shared/ modules load) ~93 kB and react-query
 * ~44 kB, before any of the Library's own code (bench/bundle.ts reports them). INITIAL_BUDGET_KB is
 * the size measured when this check landed (763 kB) plus headroom, so a regression (an eager import of
 * another tab or editor, a new heavy dependency on the first screen) fails here.
 */
const INITIAL_BUDGET_KB = 800;

/** Parts that must stay out of the first load, by the chunk their dynamic import() produces. */
const ON_DEMAND = ['UrlBuilder', 'PurgeView', 'MetadataView', 'CustomMetadataView', 'TransferDialog'];

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

  it.each(ON_DEMAND)('loads %s on demand: a chunk of its own, not part of the initial load', (name) => {
    const own = report.chunks.filter((c) => path.basename(c.file).startsWith(`${name}-`));
    expect(own.map((c) => c.file), `no ${name}-*.js chunk: something imports it statically`).toHaveLength(1);
    expect(report.initial.map((c) => c.file)).not.toContain(own[0]!.file);
  });
});
