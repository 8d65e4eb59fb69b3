import type { Step } from '../../../../shared/transformations/index.js';
import { hasAlpha, inspect } from './image.js';
import { chooseOutput, encode, MIME, outputParams, type OutputSettings } from './output.js';
import { runChain, type RenderEnv } from './steps.js';

export interface RenderRequest {
  input: Buffer;
  steps: Step[];
  accept: string;
  env: RenderEnv;
  avifEnabled?: boolean;
}

export interface RenderResult {
  data: Buffer;
  mime: string;
  output: OutputSettings;
  width: number;
  height: number;
}

/**
 * Renders a parsed transformation on an image. Limits are checked from the header before decoding;
 * each chain step runs left to right; the output settings (f, q, pr, lo, md, cp) apply at the end.
 */
export async function renderImage({ input, steps, accept, env, avifEnabled = false }: RenderRequest): Promise<RenderResult> {
  const page = steps.find((s) => s.params.pg !== undefined)?.params.pg;
  const source = await inspect(input, page === undefined ? undefined : page - 1);
  const result = await runChain(source, steps, { env, initial: source, depth: 0 });
  const output = chooseOutput(outputParams(steps), { format: source.kind === 'encoded' ? source.format : 'png', alpha: hasAlpha(result) }, accept, { avifEnabled });
  const data = await encode(result, output, source);
  return { data, mime: MIME[output.format], output, width: result.width, height: result.height };
}
