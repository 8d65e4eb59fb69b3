// Validation of URL-builder options as they cross from the renderer to the main process.
//
// Steps stay open records: the SDK accepts any key (unknown ones pass through verbatim) and drops
// overlays it cannot write, and the builder must be able to send exactly what a pasted URL contained.
import { z } from 'zod';
import type { BuildUrlOptions, TransformationStep } from './url-types.js';
import { parseWebUrl } from './web-platform.js';

const stepSchema = z.record(z.string(), z.unknown());

export const BuildUrlOptionsSchema = z.object({
  urlEndpoint: z.string().default(''),
  src: z.string().default(''),
  transformation: z.array(stepSchema).optional(),
  transformationPosition: z.enum(['path', 'query']).optional(),
  queryParameters: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .transform((parameters) => Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, String(value)])))
    .optional(),
  signed: z.boolean().optional(),
  expiresIn: z.number().finite().optional(),
});

/** Options checked for shape; throws a ZodError naming the offending field. */
export function parseBuildUrlOptions(input: unknown): BuildUrlOptions {
  const parsed = BuildUrlOptionsSchema.parse(input);
  return { ...parsed, transformation: parsed.transformation as TransformationStep[] | undefined };
}

/**
 * What stops these options from giving a usable URL, in words for the form. Empty when fine.
 * (The SDK itself answers such input with an empty string.)
 */
export function describeUrlProblems(options: BuildUrlOptions, hasPrivateKey: boolean): string[] {
  const problems: string[] = [];
  const isAbsoluteSrc = /^https?:\/\//.test(options.src);
  if (!options.src) problems.push('Choose a file or enter a path.');
  else if (isAbsoluteSrc && !parseWebUrl(options.src)) problems.push(`"${options.src}" is not a valid URL.`);
  if (!isAbsoluteSrc && !/^https?:\/\//.test(options.urlEndpoint)) {
    problems.push('The profile URL endpoint must start with https:// (or http:// for a local library).');
  } else if (!isAbsoluteSrc && !parseWebUrl(options.urlEndpoint)) {
    problems.push(`The URL endpoint "${options.urlEndpoint}" is not a valid URL.`);
  }
  const signs = options.signed === true || (options.expiresIn ?? 0) > 0;
  if (signs && !hasPrivateKey) problems.push('Signing needs a private key on this profile.');
  if (options.expiresIn !== undefined && !(Number.isInteger(options.expiresIn) && options.expiresIn > 0)) {
    problems.push('Expiry must be a whole number of seconds greater than 0.');
  }
  return problems;
}
