import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Step } from '../../../shared/transformations/index.js';
import type { Size } from '../delivery/render/geometry.js';
import type { ChainContext } from '../delivery/render/steps.js';
import { checkVideoBudget, type VideoLimits } from './budget.js';
import type { Encoders } from './encoders.js';
import type { MediaTools } from './ffmpeg-locator.js';
import { FilterGraph } from './graph.js';
import { inputArgs } from './input-args.js';
import type { OverlayImage } from './layers.js';
import { chooseVideoOutput, encoderArgs, videoOutputParams, type VideoOutput } from './output.js';
import type { VideoFacts } from './probe.js';
import { runTool } from './run-tool.js';
import { applySteps, assertVideoParams } from './steps.js';
import { trimWindow, type TrimWindow } from './trim.js';

export interface VideoRenderInput {
  tools: MediaTools;
  encoders: Encoders;
  /** The stored video on disk. */
  file: string;
  facts: VideoFacts;
  steps: Step[];
  accept: string;
  hints: { width?: number; dpr?: number };
  customFocus?: { left: number; top: number; width: number; height: number };
  /** Image-pipeline context for drawing layers (library access rule, fonts, pixel budget). */
  chain: ChainContext;
  limits: VideoLimits;
  signal?: AbortSignal;
}

/** Everything before encoding: the trim window, the filter graph, layer images and the output size. */
export interface PreparedGraph {
  window: TrimWindow;
  graph: FilterGraph;
  overlays: OverlayImage[];
  size: Size;
}

export const even = (n: number) => Math.max(2, n - (n % 2));

/** Builds the filter graph of the steps; layers are drawn now by the image pipeline. */
export async function prepareGraph(input: VideoRenderInput, steps: Step[]): Promise<PreparedGraph> {
  assertVideoParams(steps);
  const window = trimWindow(steps, input.facts.duration);
  const initial = { width: input.facts.width ?? 2, height: input.facts.height ?? 2 };
  const graph = new FilterGraph();
  const overlays: OverlayImage[] = [];
  const size = await applySteps(graph, steps, {
    chain: input.chain,
    initial,
    inputDuration: input.facts.duration,
    outputDuration: window.end - window.start,
    hints: input.hints,
    customFocus: input.customFocus,
    addOverlay: (image) => overlays.push(image),
  });
  return { window, graph, overlays, size };
}

/** ffmpeg input arguments: the trimmed video first (input 0), then each layer image. */
export async function inputsFor(input: VideoRenderInput, prepared: PreparedGraph, dir: string): Promise<string[]> {
  const { window } = prepared;
  const args = window.trimmed ? ['-ss', String(window.start), '-t', String(Math.round((window.end - window.start) * 1000) / 1000)] : [];
  args.push(...inputArgs(input.file));
  for (const [i, overlay] of prepared.overlays.entries()) {
    const file = path.join(dir, `layer-${i}.png`);
    await writeFile(file, overlay.png);
    args.push('-f', 'png_pipe', '-i', `file:${file}`);
  }
  return args;
}

/** Renders a transformed video (or its sound only, with vc-none) into one file. */
export async function renderVideo(input: VideoRenderInput): Promise<{ data: Buffer; output: VideoOutput; size: Size }> {
  const prepared = await prepareGraph(input, input.steps);
  const output = chooseVideoOutput(videoOutputParams(input.steps), input.accept, input.facts.audioCodec !== null, input.encoders);
  let { size } = prepared;
  if (output.videoCodec !== 'none') {
    // 4:2:0 video needs even dimensions: an odd size loses its last row/column.
    if (size.width % 2 || size.height % 2) {
      size = { width: even(size.width), height: even(size.height) };
      prepared.graph.chain([`scale=${size.width}:${size.height}`]);
    }
    checkVideoBudget(input.limits, input.facts as Size, [size], prepared.window.end - prepared.window.start);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-video-'));
  try {
    const out = path.join(dir, `out.${output.container}`);
    const maps =
      output.videoCodec === 'none'
        ? ['-map', '0:a:0']
        : ['-filter_complex', prepared.graph.toString(), '-map', `[${prepared.graph.output}]`, ...(output.audioCodec === 'none' ? [] : ['-map', '0:a:0?'])];
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...(await inputsFor(input, prepared, dir)), ...maps, '-map_metadata', '-1', '-sn', '-dn', ...encoderArgs(output, input.encoders), out];
    await runTool(input.tools.ffmpeg.path, args, { signal: input.signal });
    return { data: await readFile(out), output, size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
