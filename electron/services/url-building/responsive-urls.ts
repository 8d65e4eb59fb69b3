// The URL variants behind a responsive `srcset` / `<picture>`: one URL per chosen width and format, each
// built (and signed, for private files) by the SDK here in the main process, so the key stays here too.
import { z } from 'zod';
import type { BuildUrlOptions } from '../../../shared/url/url-types.js';
import { buildUrl } from './sdk-url-builder.js';

export const ResponsiveRequestSchema = z.object({
  widths: z.array(z.number().int().positive().max(10_000)).min(1).max(40),
  /** ImageKit `f-` values; omitted → one set in the format the chain already asks for. */
  formats: z.array(z.enum(['auto', 'avif', 'webp', 'jpg', 'png'])).max(5).optional(),
});
export type ResponsiveRequest = z.input<typeof ResponsiveRequestSchema>;

export interface ResponsiveCandidate {
  width: number;
  format?: string;
  url: string;
}

/**
 * Candidates grouped by format (input order), widths ascending and de-duplicated. The width/format step is
 * chained after the person's steps so it resizes the finished result.
 */
export function buildResponsiveUrls(options: BuildUrlOptions, request: ResponsiveRequest, privateKey?: string): ResponsiveCandidate[] {
  const { widths, formats } = ResponsiveRequestSchema.parse(request);
  const sortedWidths = [...new Set(widths)].sort((a, b) => a - b);
  const candidates: ResponsiveCandidate[] = [];
  for (const format of formats ?? [undefined]) {
    for (const width of sortedWidths) {
      const sizing = format ? { width, format } : { width };
      const url = buildUrl({ ...options, transformation: [...(options.transformation ?? []), sizing] }, privateKey);
      candidates.push(format ? { width, format, url } : { width, url });
    }
  }
  return candidates;
}
