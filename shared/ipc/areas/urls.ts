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
