import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { evaluate, TransformationError, type ExprScope, type StepParams } from '../../../../shared/transformations/index.js';
import type { RenderBudget } from './budget.js';
import { assertPixels, open, toRaw, type Raw } from './image.js';

const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
const MAX_TEXT_SIDE = 16_383;
const DEFAULT_FONT_SIZE = 45;

interface FontFace {
  file: string;
  /** Pango description prefix: family plus style words. */
  description: string;
}

/** Bundled faces; ImageKit's built-in family names (Roboto, Open Sans, …) fall back to DejaVu Sans. */
function bundledFace(family: string | undefined, tg: StepParams['tg']): FontFace {
  const name = (family ?? '').toLowerCase().replace(/[\s_-]/g, '');
  if (name.includes('serif') && !name.includes('sans')) return { file: 'DejaVuSerif.ttf', description: 'DejaVu Serif' };
  if (name.includes('mono')) return { file: 'DejaVuSansMono.ttf', description: 'DejaVu Sans Mono' };
  const bold = tg === 'b' || tg === 'b_i';
  const italic = tg === 'i' || tg === 'b_i';
  const file = `DejaVuSans${bold && italic ? '-BoldOblique' : bold ? '-Bold' : italic ? '-Oblique' : ''}.ttf`;
  return { file, description: `DejaVu Sans${bold ? ' Bold' : ''}${italic ? ' Oblique' : ''}` };
}

const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface TextOptions {
  params: StepParams;
  scope: ExprScope;
  /** Absolute path of a custom `.ttf` from the library (`ff-fonts@@my.ttf`), when one was given. */
  customFontFile?: string;
  /** The render's budget: the text's estimated size is checked against it before Pango draws it. */
  budget?: RenderBudget;
}

/**
 * Renders a text layer with Pango and an explicit font file, so output never depends on system
 * fonts (without them SVG text silently becomes boxes).
 */
export async function renderText(text: string, { params, scope, customFontFile, budget }: TextOptions): Promise<Raw> {
  const size = params.fs ? evaluate(params.fs, scope, 'fs') : DEFAULT_FONT_SIZE;
  if (!(size > 0) || size > 2000) throw new TransformationError('fs', `Font size ${size} is out of range (1–2000).`);
  const face = customFontFile ? { file: customFontFile, description: '' } : bundledFace(params.ff, params.tg);
  const color = params.co ?? { r: 0, g: 0, b: 0, alpha: 1 };
  const hex = [color.r, color.g, color.b].map((v) => v.toString(16).padStart(2, '0')).join('');
  let markup = `<span foreground="#${hex}" alpha="${Math.max(1, Math.round(color.alpha * 100))}%">${escapeMarkup(text)}</span>`;
  if (params.tg === 'strikethrough') markup = `<s>${markup}</s>`;
  const wrapWidth = params.w && params.w !== 'auto' ? Math.round(evaluate(params.w, scope, 'w')) : undefined;
  const estimate = assertTextFits(text, size, wrapWidth);
  budget?.checkOutput(estimate.width, estimate.height, 'text layer');
  const rendered = await toRaw(
    sharp({
      text: {
        text: markup,
        font: `${face.description} ${size}`.trim(),
        fontfile: customFontFile ?? FONT_DIR + face.file,
        dpi: 72,
        rgba: true,
        align: params.ia === 'left' ? 'left' : params.ia === 'right' ? 'right' : 'centre',
        ...(wrapWidth ? { width: wrapWidth, wrap: 'word' as const } : {}),
        ...(params.lh ? { spacing: Math.round(params.lh) } : {}),
      },
    }),
  );
  if (rendered.width > MAX_TEXT_SIDE || rendered.height > MAX_TEXT_SIDE) {
    throw new TransformationError('i', `The text layer is ${rendered.width}×${rendered.height} px; ImageKit refuses text layers over ${MAX_TEXT_SIDE} px.`);
  }
  return padAndFill(rendered, params, scope);
}

/**
 * Refuses text whose rendering would exceed ImageKit's 16,383 px limit *before* Pango allocates it
 * (a long string at a huge size is otherwise a memory bomb). Glyphs are at most ~1 em wide.
 */
function assertTextFits(text: string, size: number, wrapWidth: number | undefined): { width: number; height: number } {
  const longest = Math.max(...text.split('\n').map((line) => line.length));
  const lines = text.split('\n').length;
  const width = wrapWidth ?? longest * size;
  const wrappedLines = wrapWidth ? Math.ceil((text.length * size * 0.6) / Math.max(1, wrapWidth)) + lines : lines;
  if (width > MAX_TEXT_SIDE || wrappedLines * size * 1.2 > MAX_TEXT_SIDE) {
    throw new TransformationError(wrapWidth ? 'w' : 'fs', `The text layer would exceed ${MAX_TEXT_SIDE} px; ImageKit refuses text layers that large.`);
  }
  return { width: Math.min(width, MAX_TEXT_SIDE), height: Math.min(MAX_TEXT_SIDE, Math.ceil(wrappedLines * size * 1.2)) };
}

async function padAndFill(img: Raw, params: StepParams, scope: ExprScope): Promise<Raw> {
  const bg = params.bg?.kind === 'color' ? params.bg.color : undefined;
  if (!params.pa && !bg) return img;
  let pipeline = open(img);
  if (params.pa) {
    const [top, right, bottom, left] = params.pa.map((e) => Math.max(0, Math.round(evaluate(e, scope, 'pa'))));
    assertPixels(img.width + left + right, img.height + top + bottom, 'padded text layer');
    pipeline = pipeline.extend({ top, right, bottom, left, background: { r: 0, g: 0, b: 0, alpha: 0 } });
  }
  if (!bg) return toRaw(pipeline);
  const padded = await toRaw(pipeline);
  const under = sharp({ create: { width: padded.width, height: padded.height, channels: 4, background: bg } });
  return toRaw(under.composite([{ input: padded.data, raw: { width: padded.width, height: padded.height, channels: padded.channels }, left: 0, top: 0 }]));
}
