import { z } from 'zod';
import { ProfileScope } from '../common-schemas';
import {
  BuiltUrl,
  NamedTransformationList,
  ParsedUrlView,
  PresetName,
  PresetOptions,
  ResponsiveCandidate,
  ResponsiveFormat,
  SignedUrlCheck,
  UrlDraft,
  UrlPreset,
  UrlPreview,
} from '../../domain/urls';

const WithDraft = ProfileScope.extend({ draft: UrlDraft });
const WithUrl = ProfileScope.extend({ url: z.string().trim().min(1, 'Paste a URL.').max(16_384, 'That URL is too long.') });

/** A byte range of a stream part, end exclusive (an HLS `#EXT-X-BYTERANGE`). */
const ByteOffset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const StreamPartRequest = WithUrl.extend({ rangeStart: ByteOffset.optional(), rangeEnd: ByteOffset.optional() }).refine(
  (v) => v.rangeEnd === undefined || (v.rangeStart !== undefined && v.rangeEnd > v.rangeStart),
  'rangeEnd needs a rangeStart before it.',
);

/**
 * One file of an adaptive stream as the main process fetched it: the final URL, the HTTP status, and the
 * bytes (base64) or the server's reason for refusing.
 */
export const StreamPart = z.object({
  url: z.string(),
  status: z.number().int(),
  ok: z.boolean(),
  contentType: z.string().optional(),
  /** Base64 of the body when ok. */
  body: z.string().optional(),
  bytes: z.number().int().nonnegative(),
  /** The `ik-error` header, else the body's message, when not ok. */
  error: z.string().optional(),
});
export type StreamPart = z.infer<typeof StreamPart>;

/**
 * Channels of the URL builder. URLs are built and signed in the main process with the profile's
 * keys; the renderer sends only the draft and never receives a private key.
 */
export const urlsChannels = {
  /** The URL for a draft, its `tr` string and every problem found without requesting anything. */
  'urls.build': { input: WithDraft, output: BuiltUrl },
  /** Builds, and when there are no problems requests the URL: dimensions, bytes, format, time, or the server's error. */
  'urls.preview': { input: WithDraft, output: UrlPreview },
  /** Requests a (signed) URL of this profile and says whether it is served, refused or expired. */
  'urls.checkSigned': { input: WithUrl, output: SignedUrlCheck },
  /**
   * A manifest, playlist or segment of a stream under this profile's URL endpoint, for the builder's player:
   * the page may only talk to its own origin (CSP connect-src 'self'), so the player's requests go through here.
   */
  'urls.streamPart': { input: StreamPartRequest, output: StreamPart },
  /** A pasted ImageKit URL back into a draft; `exact` says whether building it gives the same text. */
  'urls.parse': { input: WithUrl, output: ParsedUrlView },
  /** One URL per width × format for srcset / <picture>. */
  'urls.responsive': {
    input: WithDraft.extend({
      widths: z.array(z.number().int().positive().max(10_000)).min(1, 'Choose at least one width.').max(40),
      formats: z.array(ResponsiveFormat).max(5).optional(),
    }),
    output: z.array(ResponsiveCandidate),
  },
  /** The account's named transformations (plus the built-in ones), for the picker. */
  'urls.namedTransformations': { input: ProfileScope.nullish().transform((v) => v ?? {}), output: NamedTransformationList },
  'urls.presets.list': { input: ProfileScope.nullish().transform((v) => v ?? {}), output: z.array(UrlPreset) },
  /** Saves under a name; a preset with the same name is replaced. */
  'urls.presets.save': { input: ProfileScope.extend({ name: PresetName, options: PresetOptions }), output: UrlPreset },
  'urls.presets.delete': { input: ProfileScope.extend({ id: z.string().min(1) }), output: z.object({ id: z.string() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const urlsEvents = {} as const satisfies Record<string, z.ZodType>;
