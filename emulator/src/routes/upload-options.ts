import { badRequest } from '../http/errors.js';
import { sanitizeFileName, sanitizeFolderPath } from '../model/paths.js';
import { parseExtensions, type ExtensionRequest } from './extensions.js';
import { assertTagBudget } from './tag-limits.js';
import type { PostTransformationStep as PostTransformation } from '../store/post-transformations.js';

export type { PostTransformation };

import { RESPONSE_FIELDS, type ResponseField } from '../../../shared/imagekit/upload-fields.js';

export { RESPONSE_FIELDS, type ResponseField };


export interface UploadOptions {
  fileName: string;
  useUniqueFileName: boolean;
  folder: string;
  /** Undefined when the request has no `tags` field (matters for overwriteTags). */
  tags?: string[];
  isPrivateFile: boolean;
  isPublished: boolean;
  customCoordinates?: string | null;
  responseFields: Set<ResponseField>;
  extensions: ExtensionRequest[];
  webhookUrl?: string;
  overwriteFile: boolean;
  overwriteAITags: boolean;
  overwriteTags: boolean;
  overwriteCustomMetadata: boolean;
  customMetadata?: Record<string, unknown>;
  pre?: string;
  post: PostTransformation[];
  checks?: string;
  description?: string;
}

function bool(fields: Record<string, string>, name: string, fallback: boolean): boolean {
  const v = fields[name];
  if (v === undefined) return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw badRequest(`Your request contains invalid ${name} parameter. It must be "true" or "false".`);
}

function json(fields: Record<string, string>, name: string): unknown {
  const v = fields[name];
  if (v === undefined || v === '') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    throw badRequest(`Your request contains invalid ${name} parameter. It must be a JSON string.`);
  }
}

export function parseTags(raw: string, param = 'tags'): string[] {
  if (raw.includes('%')) throw badRequest(`Your request contains invalid ${param} parameter. Tags cannot contain '%'.`);
  assertTagBudget([raw], param);
  const tags = raw.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  return [...new Set(tags)];
}

export function parseCustomCoordinates(raw: string): string | null {
  if (raw === '') return null;
  if (!/^\d+,\d+,\d+,\d+$/.test(raw)) {
    throw badRequest('Your request contains invalid customCoordinates parameter. Use "x,y,width,height" with whole numbers.');
  }
  return raw;
}

const POST_TYPES = new Set(['transformation', 'gif-to-video', 'thumbnail', 'abs']);

function parseTransformation(value: unknown): { pre?: string; post: PostTransformation[] } {
  const invalid = (why: string) => badRequest(`The file could not be uploaded because the transformation field is invalid. ${why}`);
  if (value === undefined) return { post: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('It must be an object with pre and/or post.');
  const { pre, post, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw invalid(`Unknown key(s): ${Object.keys(rest).join(', ')}.`);
  if (pre !== undefined && (typeof pre !== 'string' || pre.trim() === '')) throw invalid('pre must be a non-empty string.');
  if (post !== undefined && !Array.isArray(post)) throw invalid('post must be an array.');
  const steps = ((post as unknown[] | undefined) ?? []).map((step, i) => {
    if (typeof step !== 'object' || step === null) throw invalid(`post[${i}] must be an object.`);
    const s = step as Record<string, unknown>;
    if (typeof s.type !== 'string' || !POST_TYPES.has(s.type)) throw invalid(`post[${i}].type must be one of ${[...POST_TYPES].join(', ')}.`);
    if (s.value !== undefined && typeof s.value !== 'string') throw invalid(`post[${i}].value must be a string.`);
    if ((s.type === 'transformation' || s.type === 'abs') && !s.value) throw invalid(`post[${i}].value is required for type ${s.type}.`);
    if (s.type === 'abs' && s.protocol !== 'hls' && s.protocol !== 'dash') throw invalid(`post[${i}].protocol must be hls or dash.`);
    return { type: s.type, value: s.value, protocol: s.protocol } as PostTransformation;
  });
  return { pre: pre as string | undefined, post: steps };
}

/** Turns the upload's form strings into typed options, rejecting anything malformed with a 400. */
export function parseUploadOptions(fields: Record<string, string>): UploadOptions {
  if (fields.fileName === undefined || fields.fileName === '') throw badRequest('Missing fileName parameter for upload.');
  const responseFields = new Set<ResponseField>();
  for (const f of (fields.responseFields ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(RESPONSE_FIELDS as readonly string[]).includes(f)) {
      throw badRequest(`Your request contains invalid responseFields parameter. "${f}" is not one of ${RESPONSE_FIELDS.join(', ')}.`);
    }
    responseFields.add(f as ResponseField);
  }
  const customMetadata = json(fields, 'customMetadata');
  if (customMetadata !== undefined && (typeof customMetadata !== 'object' || customMetadata === null || Array.isArray(customMetadata))) {
    throw badRequest('Your request contains invalid customMetadata parameter. It must be a JSON object.');
  }
  const webhookUrl = fields.webhookUrl || undefined;
  if (webhookUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(webhookUrl)) {
    throw badRequest('Your request contains invalid webhookUrl parameter. It must be an http(s) URL.');
  }
  const { pre, post } = parseTransformation(json(fields, 'transformation'));
  return {
    fileName: sanitizeFileName(fields.fileName),
    useUniqueFileName: bool(fields, 'useUniqueFileName', true),
    folder: sanitizeFolderPath(fields.folder ?? '/'),
    tags: fields.tags === undefined ? undefined : parseTags(fields.tags),
    isPrivateFile: bool(fields, 'isPrivateFile', false),
    isPublished: bool(fields, 'isPublished', true),
    customCoordinates: fields.customCoordinates === undefined ? undefined : parseCustomCoordinates(fields.customCoordinates),
    responseFields,
    extensions: parseExtensions(json(fields, 'extensions')),
    webhookUrl,
    overwriteFile: bool(fields, 'overwriteFile', true),
    overwriteAITags: bool(fields, 'overwriteAITags', true),
    overwriteTags: bool(fields, 'overwriteTags', true),
    overwriteCustomMetadata: bool(fields, 'overwriteCustomMetadata', true),
    customMetadata: customMetadata as Record<string, unknown> | undefined,
    pre,
    post,
    checks: fields.checks || undefined,
    description: fields.description,
  };
}
