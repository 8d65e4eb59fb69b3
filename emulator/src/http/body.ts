import { z } from 'zod';
import { badRequest } from './errors.js';

/**
 * Validates a JSON body (or query) with a zod schema; the first problem becomes ImageKit's 400
 * naming the parameter and what was wrong, e.g. `Your request contains invalid fileIds parameter: expected array, received string.`
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, extra: Record<string, unknown> = {}): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  if (valueAt(body, issue.path) === undefined) {
    throw badRequest(`Your request is missing ${param} parameter.`, { reason: 'MISSING_PARAMETER', ...extra });
  }
  throw badRequest(`Your request contains invalid ${param} parameter: ${issue.message}.`, extra);
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
