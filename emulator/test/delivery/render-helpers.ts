import { parseTransformation } from '../../../shared/transformations/index.js';
import { renderImage, type RenderResult } from '../../src/delivery/render/render.js';
import type { RenderEnv } from '../../src/delivery/render/steps.js';
import { decode, type Decoded } from './pixels.js';

export interface RenderOptions {
  accept?: string;
  files?: Record<string, Buffer>;
  customFocus?: RenderEnv['customFocus'];
  hints?: RenderEnv['hints'];
}

/** Renders `tr` on `input` with real sharp, the way the route does, and decodes the result. */
export async function render(input: Buffer, tr: string, options: RenderOptions = {}): Promise<RenderResult & { img: Decoded }> {
  const files = options.files ?? {};
  const result = await renderImage({
    input,
    steps: parseTransformation(tr),
    accept: options.accept ?? '',
    env: {
      hints: options.hints ?? {},
      customFocus: options.customFocus,
      loadFile: async (p) => (files[p] ? { buffer: files[p], diskPath: '' } : undefined),
    },
  });
  return { ...result, img: await decode(result.data) };
}
