/**
 * A linear ffmpeg filter graph under construction: each call appends filters to the current video
 * stream and gives the result a new label, so steps, layers and sub-graphs (blurred padding) compose
 * in the order the transformation wrote them.
 */
export class FilterGraph {
  private readonly parts: string[] = [];
  private label: string;
  private next = 0;

  constructor(input = '0:v') {
    this.label = input;
  }

  private fresh(): string {
    return `v${this.next++}`;
  }

  /** Appends a comma-separated chain of filters. */
  chain(filters: string[]): void {
    if (filters.length === 0) return;
    const out = this.fresh();
    this.parts.push(`[${this.label}]${filters.join(',')}[${out}]`);
    this.label = out;
  }

  /** Pads the stream onto a blurred, cover-scaled copy of itself (ImageKit's `bg-blurred` with pad_resize). */
  padOverBlur(width: number, height: number, fitWidth: number, fitHeight: number, x: number, y: number, sigma: number, brightness: number): void {
    const [a, b, under, over, out] = [this.fresh(), this.fresh(), this.fresh(), this.fresh(), this.fresh()];
    const light = brightness === 0 ? '' : `,eq=brightness=${(brightness / 255).toFixed(3)}`;
    this.parts.push(`[${this.label}]split[${a}][${b}]`);
    this.parts.push(`[${a}]scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height},gblur=sigma=${sigma}${light}[${under}]`);
    this.parts.push(`[${b}]scale=${fitWidth}:${fitHeight}[${over}]`);
    this.parts.push(`[${under}][${over}]overlay=${x}:${y}[${out}]`);
    this.label = out;
  }

  /** Overlays input `index` (a still image) at x,y, shown only while `enable` holds (output seconds). */
  overlay(index: number, x: number, y: number, from: number, to: number): void {
    const out = this.fresh();
    this.parts.push(`[${this.label}][${index}:v]overlay=${x}:${y}:enable='between(t,${from},${to})'[${out}]`);
    this.label = out;
  }

  /** Splits the current stream into `n` labelled copies (one per streaming rendition). */
  split(n: number): string[] {
    const outs = Array.from({ length: n }, () => this.fresh());
    this.parts.push(`[${this.label}]split=${n}${outs.map((o) => `[${o}]`).join('')}`);
    return outs;
  }

  /** Appends a chain to a named stream (after `split`), returning the new label. */
  branch(from: string, filters: string[]): string {
    const out = this.fresh();
    this.parts.push(`[${from}]${filters.join(',')}[${out}]`);
    return out;
  }

  get output(): string {
    return this.label;
  }

  /** The `-filter_complex` text; `[0:v]null` when nothing was added, so there is always a labelled output. */
  toString(): string {
    if (this.parts.length === 0) this.chain(['null']);
    return this.parts.join(';');
  }
}

/** ffmpeg colour syntax from an RGBA colour (alpha 0–1). */
export function ffColor(c: { r: number; g: number; b: number; alpha: number }): string {
  const hex = [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  return `0x${hex}@${Math.max(0, Math.min(1, c.alpha)).toFixed(2)}`;
}
