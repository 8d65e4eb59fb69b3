import { z } from 'zod';
import { BuildUrlOptionsSchema } from '../url/build-options-schema';

/**
 * What the URL builder edits: the SDK's buildSrc options without the endpoint (the main side takes it
 * from the profile, so the renderer can never point a signature at another host). Steps are the SDK's
 * transformation objects (`{ width: '200', overlay: {…}, raw: '…' }`), exactly what a pasted URL parses to.
 */
export const UrlDraft = BuildUrlOptionsSchema.omit({ urlEndpoint: true });
export type UrlDraft = z.input<typeof UrlDraft>;

/** A reason the transformation would be refused, found before anything is requested. */
export const UrlProblem = z.object({
  /** 0-based chain step, absent for problems of the whole URL (no src, no key for signing). */
  step: z.number().int().nonnegative().optional(),
  /** The offending URL parameter (`w`, `rt`, `foo`), or `src` / `signed` / `expiresIn`. */
  param: z.string(),
  message: z.string(),
});
export type UrlProblem = z.infer<typeof UrlProblem>;

export const BuiltUrl = z.object({
  /** '' when there is nothing to build (see problems). */
  url: z.string(),
  /** The `tr` string as the SDK wrote it ('' without steps). */
  transformation: z.string(),
  problems: z.array(UrlProblem),
  /** Parameters ImageKit knows but the Local library cannot render offline (AI, video). */
  approximated: z.array(z.string()),
});
export type BuiltUrl = z.infer<typeof BuiltUrl>;

/** What requesting a delivery URL gave: the preview's numbers, or the server's refusal. */
export const UrlProbe = z.object({
  url: z.string(),
  status: z.number().int(),
  ok: z.boolean(),
  /** Time from sending the request to the last byte, in ms (the render, or a cache hit). */
  renderMs: z.number(),
  contentType: z.string().optional(),
  /** `jpeg`, `png`, `webp`, `avif`, `gif`, `svg`… from the bytes, else from Content-Type. */
  format: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  /** The CDN's own cache header when it sends one (`HIT`/`MISS`). */
  cache: z.string().optional(),
  /** The `ik-error` header, else the body's message, when the render failed. */
  error: z.string().optional(),
  /** An adaptive stream's manifest (HLS/DASH): the video renditions it lists, lowest first. */
  renditions: z.array(z.object({ width: z.number().int().optional(), height: z.number().int(), bandwidth: z.number().int().optional() })).optional(),
});
export type UrlProbe = z.infer<typeof UrlProbe>;

export const UrlPreview = z.object({
  built: BuiltUrl,
  /** The same src without transformations (signed like the result), for the before/after view. */
  originalUrl: z.string(),
  /** null when problems stopped the request. */
  probe: UrlProbe.nullable(),
});
export type UrlPreview = z.infer<typeof UrlPreview>;

export const SignedUrlOutcome = z.enum(['served', 'refused', 'expired']);
export type SignedUrlOutcome = z.infer<typeof SignedUrlOutcome>;

export const SignedUrlCheck = z.object({
  url: z.string(),
  outcome: SignedUrlOutcome,
  status: z.number().int(),
  message: z.string(),
});
export type SignedUrlCheck = z.infer<typeof SignedUrlCheck>;

const Steps = z.array(z.record(z.string(), z.unknown()));

export const ParsedUrlView = z.object({
  draft: z.object({
    src: z.string(),
    transformation: Steps,
    transformationPosition: z.enum(['path', 'query']),
    queryParameters: z.record(z.string(), z.string()),
    signed: z.boolean(),
    expiresIn: z.number().int().positive().optional(),
  }),
  /** False when the URL is not under this profile's endpoint (src then stays absolute). */
  underEndpoint: z.boolean(),
  /**
   * The other endpoint the URL was written for (e.g. `https://ik.imagekit.io/<id>`), when it tells one:
   * its steps and path were read against it, and the draft builds under this profile's endpoint.
   */
  pastedEndpoint: z.string().optional(),
  /** `ik-t` of a pasted signed URL (unix seconds) and whether it has passed. */
  expiresAt: z.number().optional(),
  expired: z.boolean(),
  /** Why building the parsed options would not give back the exact pasted text. */
  warnings: z.array(z.string()),
  /**
   * The URL built from the parsed options now (under this profile's endpoint), and whether building
   * them gives the pasted text (under the pasted URL's own endpoint, when it was another).
   */
  rebuiltUrl: z.string(),
  exact: z.boolean(),
});
export type ParsedUrlView = z.infer<typeof ParsedUrlView>;

/** Everything of a builder state except the file: saved per profile and applied to any file. */
export const PresetOptions = UrlDraft.omit({ src: true });
export type PresetOptions = z.input<typeof PresetOptions>;

export const PresetName = z.string().trim().min(1, 'Name the preset.').max(80, 'Keep the preset name under 80 characters.');

export const UrlPreset = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  options: z.object({
    transformation: Steps.optional(),
    transformationPosition: z.enum(['path', 'query']).optional(),
    queryParameters: z.record(z.string(), z.string()).optional(),
    signed: z.boolean().optional(),
    expiresIn: z.number().optional(),
  }),
});
export type UrlPreset = z.infer<typeof UrlPreset>;

export const NamedTransformationView = z.object({
  name: z.string(),
  transformation: z.string(),
  source: z.enum(['account', 'built-in']),
});
export type NamedTransformationView = z.infer<typeof NamedTransformationView>;

export const NamedTransformationList = z.object({
  items: z.array(NamedTransformationView),
  /** Why only the built-in names are listed (the account's list could not be read). */
  note: z.string().optional(),
});
export type NamedTransformationList = z.infer<typeof NamedTransformationList>;

export const ResponsiveCandidate = z.object({ width: z.number().int(), format: z.string().optional(), url: z.string() });
export type ResponsiveCandidate = z.infer<typeof ResponsiveCandidate>;

export const ResponsiveFormat = z.enum(['auto', 'avif', 'webp', 'jpg', 'png']);
export type ResponsiveFormat = z.infer<typeof ResponsiveFormat>;
