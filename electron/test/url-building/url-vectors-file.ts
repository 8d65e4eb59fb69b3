// Loads the URL conformance vectors (format: /work/shared/conformance/url-vectors.json `format` key) and
// selects the ones the current JS SDKs produce. Acceptance swaps in a held-out file via URL_VECTORS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BuildUrlOptions, TransformationStep } from '../../../shared/url/url-types.js';
import type { UrlFlavor } from '../../services/url-building/sdk-url-builder.js';
import { parseBuildUrlOptions } from '../../../shared/url/build-options-schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The SDK generations whose behaviour MediaDesk's URL service (official @imagekit/nodejs helper) follows. */
export const CURRENT_JS_SDKS = ['nodejs-head', 'js-head'] as const;

const UrlInput = z.looseObject({
  urlEndpoint: z.string().optional(),
  src: z.string().optional(),
  transformation: z.array(z.record(z.string(), z.unknown())).optional(),
  transformationPosition: z.enum(['path', 'query']).optional(),
  queryParameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  signed: z.boolean().optional(),
  expireSeconds: z.number().optional(),
  privateKey: z.string().optional(),
  now: z.number().optional(),
});
type UrlInput = z.infer<typeof UrlInput>;

const VectorsFile = z.object({
  urlVectors: z.array(z.object({ id: z.string(), sdk: z.array(z.string()), input: UrlInput, expected: z.string() })),
  authVectors: z
    .array(
      z.object({
        id: z.string(),
        input: z.object({ token: z.string(), expire: z.number(), privateKey: z.string() }),
        expected: z.object({ token: z.string(), expire: z.number(), signature: z.string() }),
      }),
    )
    .default([]),
  signatureVectors: z
    .array(
      z.object({
        id: z.string(),
        input: z.object({ privateKey: z.string(), url: z.string(), urlEndpoint: z.string(), expiryTimestamp: z.number() }),
        expected: z.string(),
      }),
    )
    .default([]),
  transformationStringVectors: z
    .array(
      z.object({
        id: z.string(),
        sdk: z.array(z.string()),
        input: z.object({ transformation: z.array(z.record(z.string(), z.unknown())).transform((steps) => steps as TransformationStep[]) }),
        expected: z.string(),
      }),
    )
    .default([]),
  conflicts: z
    .array(
      z.object({
        input: UrlInput,
        outcomes: z.array(z.object({ id: z.string(), sdk: z.array(z.string()), expected: z.string() })),
      }),
    )
    .default([]),
});
export type VectorsFile = z.infer<typeof VectorsFile>;

export function vectorsPath(): string {
  return process.env.URL_VECTORS ? path.resolve(process.env.URL_VECTORS) : path.resolve(repoRoot, '..', 'shared', 'conformance', 'url-vectors.json');
}

export function loadVectors(file = vectorsPath()): VectorsFile {
  return VectorsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function isCurrentJsSdk(sdks: string[]): boolean {
  return sdks.some((sdk) => (CURRENT_JS_SDKS as readonly string[]).includes(sdk));
}

export interface UrlCase {
  id: string;
  options: BuildUrlOptions;
  privateKey?: string;
  /** Unix seconds the clock must read (only vectors whose URL carries `ik-t`). */
  now?: number;
  expected: string;
  /** The SDK rules that produced `expected`: nodejs-head → 'nodejs', js-head → 'javascript' (both when both). */
  flavors: UrlFlavor[];
}

function flavorsOf(sdks: string[]): UrlFlavor[] {
  const flavors: UrlFlavor[] = [];
  if (sdks.includes('nodejs-head')) flavors.push('nodejs');
  if (sdks.includes('js-head')) flavors.push('javascript');
  return flavors;
}

/** Vector input (normalised names) → the options the builder sends, through the same validation as IPC. */
function toCase(id: string, input: UrlInput, expected: string, sdks: string[]): UrlCase {
  const { expireSeconds, privateKey, now, ...rest } = input;
  const options = parseBuildUrlOptions({ ...rest, ...(expireSeconds === undefined ? {} : { expiresIn: expireSeconds }) });
  return { id, options, privateKey, now, expected, flavors: flavorsOf(sdks) };
}

/** Every URL vector and every conflict outcome produced by a current JS SDK. */
export function currentSdkUrlCases(vectors: VectorsFile): UrlCase[] {
  const cases = vectors.urlVectors.filter((vector) => isCurrentJsSdk(vector.sdk)).map((vector) => toCase(vector.id, vector.input, vector.expected, vector.sdk));
  for (const conflict of vectors.conflicts) {
    for (const outcome of conflict.outcomes.filter((candidate) => isCurrentJsSdk(candidate.sdk))) {
      cases.push(toCase(`${outcome.id} (conflict outcome)`, conflict.input, outcome.expected, outcome.sdk));
    }
  }
  return cases;
}
