import type { Step } from '../../../../shared/transformations/index.js';
import { RenderBudget, type RenderLimits } from './budget.js';
import { planResize, scopeFor } from './geometry.js';
import { hasAlpha, inspect, type Working } from './image.js';
import { resizePipeline } from './resize.js';
import { chooseOutput, encode, encodePipeline, MIME, outputParams, type OutputSettings } from './output.js';
import { runChain, type RenderEnv } from './steps.js';

export interface RenderRequest {
  input: Buffer;
  steps: Step[];
  accept: string;
  env: RenderEnv;
  avifEnabled?: boolean;
  /** Default DEFAULT_RENDER_LIMITS (budget.ts). */
  limits?: RenderLimits;
  /** Aborted when the client went away: the render stops at its next stage. */
  signal?: AbortSignal;
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
export async function renderImage({ input, steps, accept, env, avifEnabled = false, limits, signal }: RenderRequest): Promise<RenderResult> {
  const budget = new RenderBudget(limits, signal);
  const page = steps.find((s) => s.params.pg !== undefined)?.params.pg;
  const source = await inspect(input, page === undefined ? undefined : page - 1);
  budget.checkInput(source.width, source.height, 'input image');
  const fast = await renderPlainResize(source, steps, accept, env, avifEnabled, budget);
  if (fast) return fast;
  const result = await runChain(source, steps, { env, budget, initial: source, depth: 0 });
  budget.throwIfAborted();
  const output = chooseOutput(outputParams(steps), { format: source.kind === 'encoded' ? source.format : 'png', alpha: hasAlpha(result) }, accept, { avifEnabled });
  const data = await encode(result, output, source);
  return { data, mime: MIME[output.format], output, width: result.width, height: result.height };
}

/** Keys a single step may hold and still be one resize pipeline straight into the encoder. */
const PLAIN_RESIZE_KEYS = new Set(['w', 'h', 'ar', 'c', 'cm', 'fo', 'dpr', 'bg', 'q', 'f', 'pr', 'lo', 'md', 'cp']);

/**
 * The common thumbnail case (one step, only resize/crop and output parameters): decode, resize and
 * encode in one sharp pipeline, with no raw hand-off, so it costs what a bare sharp call costs.
 */
async function renderPlainResize(source: Working, steps: Step[], accept: string, env: RenderEnv, avifEnabled: boolean, budget: RenderBudget): Promise<RenderResult | undefined> {
  if (steps.length !== 1 || source.kind !== 'encoded') return undefined;
  const [{ params, layers, keys }] = steps;
  if (layers.length > 0 || !keys.every((k) => PLAIN_RESIZE_KEYS.has(k))) return undefined;
  if (params.cm === 'extract' || params.cm === 'pad_extract') return undefined;
  if (params.bg && (params.cm !== 'pad_resize' || params.bg.kind === 'blurred')) return undefined;
  const plan = planResize(params, source, scopeFor(source, source), { ...env.hints, customFocus: env.customFocus });
  if (plan.kind === 'none' || plan.kind === 'extract') return undefined;
  budget.spend(plan, 'requested output');
  const output = chooseOutput(outputParams(steps), { format: source.format, alpha: source.hasAlpha }, accept, { avifEnabled });
  const data = await encodePipeline(await resizePipeline(source, plan, params.bg), source.hasAlpha, output);
  return { data, mime: MIME[output.format], output, width: plan.width, height: plan.height };
}
