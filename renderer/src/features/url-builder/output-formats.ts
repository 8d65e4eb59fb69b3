// Copy-ready markup for a built URL: HTML <img>, Markdown, responsive srcset / <picture>, and a React
// component for @imagekit/react. Pure text functions; attribute values are escaped for HTML.
import type { ResponsiveCandidate, UrlDraft } from '../../../../shared/domain/urls';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sizeAttributes(width?: number, height?: number): string {
  return `${width ? ` width="${width}"` : ''}${height ? ` height="${height}"` : ''}`;
}

export function htmlImg(url: string, alt: string, width?: number, height?: number): string {
  return `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}"${sizeAttributes(width, height)} loading="lazy">`;
}

export function markdownImage(url: string, alt: string): string {
  const text = alt.replace(/([\\[\]])/g, '\\$1');
  // Markdown ends a link target at whitespace or ')': percent-encode those (they stay the same URL).
  const target = url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `![${text}](${target})`;
}

const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' };

function srcset(candidates: ResponsiveCandidate[]): string {
  return candidates.map((c) => `${escapeHtml(c.url)} ${c.width}w`).join(', ');
}

/**
 * One `<img srcset>` for a single format, or a `<picture>` with a `<source>` per typed format and the
 * last set as the fallback `<img>` (list formats from most to least efficient, e.g. avif, webp, jpg).
 */
export function responsiveMarkup(candidates: ResponsiveCandidate[], alt: string, sizes = '100vw'): string {
  if (candidates.length === 0) return '';
  const byFormat = new Map<string, ResponsiveCandidate[]>();
  for (const c of candidates) byFormat.set(c.format ?? '', [...(byFormat.get(c.format ?? '') ?? []), c]);
  const sets = [...byFormat.entries()];
  const [, fallback] = sets[sets.length - 1];
  const largest = fallback[fallback.length - 1];
  const img = `<img src="${escapeHtml(largest.url)}" srcset="${srcset(fallback)}" sizes="${escapeHtml(sizes)}" alt="${escapeHtml(alt)}" loading="lazy">`;
  if (sets.length === 1) return img;
  const sources = sets
    .slice(0, -1)
    .map(([format, list]) => {
      const type = MIME[format] ? ` type="${MIME[format]}"` : '';
      return `  <source${type} srcset="${srcset(list)}" sizes="${escapeHtml(sizes)}">`;
    })
    .join('\n');
  return `<picture>\n${sources}\n  ${img}\n</picture>`;
}

/**
 * Keys whose values the SDK types as strings even when they are digits (`StreamingResolution` is
 * '240' | '360' | …), so they are written as strings.
 */
const STRING_KEYS = new Set(['streamingResolutions']);

/** A JS literal for a step value: whole numbers as numbers, everything else as written. */
export function jsValue(value: unknown, indent: string, numbers = true): string {
  if (typeof value === 'string') return numbers && /^(0|[1-9]\d{0,8})$/.test(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) {
    if (!value.some((v) => v && typeof v === 'object')) return `[${value.map((v) => jsValue(v, indent, numbers)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${jsValue(v, inner, numbers)}`).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${jsValue(v, inner, numbers && !STRING_KEYS.has(k))}`);
    return entries.length ? `{\n${entries.join(',\n')}\n${indent}}` : '{}';
  }
  return JSON.stringify(value);
}

export function jsxAttribute(name: string, value: string): string {
  return /["{}<>]/.test(value) ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`;
}

/** Whether the draft's URL is signed (then it cannot be built in a browser, which has no private key). */
export function signsUrl(draft: UrlDraft): boolean {
  return draft.signed === true || (draft.expiresIn ?? 0) > 0;
}

/** The @imagekit/react props (SrcProps) that build this draft's URL, as JSX attributes. */
export function sdkProps(draft: UrlDraft, urlEndpoint: string): string[] {
  const props = [jsxAttribute('urlEndpoint', urlEndpoint), jsxAttribute('src', draft.src ?? '')];
  const steps = draft.transformation ?? [];
  if (steps.length) props.push(`transformation={${jsValue(steps, '  ')}}`);
  if (draft.transformationPosition === 'path') props.push('transformationPosition="path"');
  if (draft.queryParameters && Object.keys(draft.queryParameters).length) props.push(`queryParameters={${jsValue(draft.queryParameters, '  ', false)}}`);
  return props;
}

/**
 * `<Image>` from @imagekit/react for this draft. A signed URL cannot be made in the browser (it needs
 * the private key), so for those the snippet uses the finished signed URL as an absolute src (buildSrc
 * keeps an absolute src as it is). The component renders nothing without a urlEndpoint, so it is always given.
 */
export function reactSnippet(draft: UrlDraft, urlEndpoint: string, builtUrl: string, alt: string): string {
  const lines = ["import { Image } from '@imagekit/react';", ''];
  if (signsUrl(draft)) {
    lines.push('{/* Signed URL: sign on your server (private key); it cannot be made in the browser. */}');
    lines.push(`<Image ${jsxAttribute('urlEndpoint', urlEndpoint)} ${jsxAttribute('src', builtUrl)} ${jsxAttribute('alt', alt)} responsive={false} />`);
    return lines.join('\n');
  }
  const props = sdkProps(draft, urlEndpoint);
  props.push(jsxAttribute('alt', alt));
  lines.push(`<Image\n${props.map((p) => `  ${p}`).join('\n')}\n/>`);
  return lines.join('\n');
}
