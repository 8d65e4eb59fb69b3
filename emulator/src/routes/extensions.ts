import { randomUUID } from 'node:crypto';
import { badRequest } from '../http/errors.js';
import { PrivateAddressError, type OutboundPolicy } from '../net/outbound-policy.js';
import { safeRequest } from '../net/safe-fetch.js';

export interface ExtensionRequest {
  name: 'remove-bg' | 'google-auto-tagging' | 'aws-auto-tagging' | 'ai-auto-description' | 'ai-tasks' | 'saved-extension';
  options: Record<string, unknown>;
}

export type ExtensionStatus = Record<string, 'success' | 'pending' | 'failed'>;

const NAMES = new Set(['remove-bg', 'google-auto-tagging', 'aws-auto-tagging', 'ai-auto-description', 'ai-tasks', 'saved-extension']);

/** Validates the `extensions` array (upload form JSON or update body) against the spec's shapes. */
export function parseExtensions(value: unknown): ExtensionRequest[] {
  if (value === undefined || value === null) return [];
  const invalid = (why: string) => badRequest(`Your request contains invalid extensions parameter. ${why}`);
  if (!Array.isArray(value)) throw invalid('It must be an array.');
  return value.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`extensions[${i}] must be an object.`);
    const { name, ...options } = item as Record<string, unknown>;
    if (typeof name !== 'string' || !NAMES.has(name)) throw invalid(`extensions[${i}].name must be one of ${[...NAMES].join(', ')}.`);
    if (name === 'google-auto-tagging' || name === 'aws-auto-tagging') {
      for (const k of ['minConfidence', 'maxTags']) {
        if (!Number.isInteger(options[k])) throw invalid(`extensions[${i}].${k} must be an integer.`);
      }
    }
    if (name === 'ai-tasks' && (!Array.isArray(options.tasks) || options.tasks.length === 0)) {
      throw invalid(`extensions[${i}].tasks must be a non-empty array.`);
    }
    if (name === 'saved-extension' && typeof options.id !== 'string') throw invalid(`extensions[${i}].id must be a string.`);
    return { name: name as ExtensionRequest['name'], options };
  });
}

/**
 * Every extension needs ImageKit's cloud services (background removal, auto-tagging, AI
 * description/tasks), which do not exist locally: each is reported `failed`, never `success`.
 */
export function extensionStatusOf(extensions: ExtensionRequest[]): ExtensionStatus | undefined {
  if (extensions.length === 0) return undefined;
  const status: ExtensionStatus = {};
  for (const e of extensions) status[e.name] = 'failed';
  return status;
}

/**
 * POSTs the final extension status to `webhookUrl` (best effort, 10 s timeout). The URL is the
 * caller's, so the post goes through `outbound` like a remote upload: a private address (or a
 * redirect, which is not followed) gets nothing, and the refusal surfaces as the background
 * task's logged error.
 */
export async function notifyWebhook(
  webhookUrl: string,
  file: { fileId: string; name: string; filePath: string },
  extensionStatus: ExtensionStatus,
  outbound: OutboundPolicy,
): Promise<void> {
  const body = {
    id: randomUUID(),
    type: 'upload.extension.status',
    created_at: new Date().toISOString(),
    data: { fileId: file.fileId, name: file.name, filePath: file.filePath, extensionStatus },
  };
  try {
    const response = await safeRequest(webhookUrl, {
      policy: outbound,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    response.body.resume();
  } catch (err) {
    if (!(err instanceof PrivateAddressError)) throw err;
    throw new Error(`webhook not sent to ${webhookUrl}: ${err.message} (start the emulator with --allow-private-urls to allow it)`);
  }
}
