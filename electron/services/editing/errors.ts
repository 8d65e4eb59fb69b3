import { APIError } from '@imagekit/nodejs';
import { AppError } from '../../../shared/ipc/index';
import type { FieldErrors } from '../../../shared/custom-metadata/validate';
import { toAppError } from '../imagekit/to-app-error';

/** `{ minValue: 'should be of type number' }` → `minValue should be of type number; …` */
export function describeFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([key, problem]) => `${key} ${problem}`)
    .join('; ');
}

/**
 * Like toAppError, but keeps the per-field `errors` ImageKit sends with a 400 on custom metadata
 * (`{ message: "Invalid custom metadata.", errors: {...} }`), so the user learns which value is wrong.
 */
export function toEditingError(error: unknown, action: string): AppError {
  const base = toAppError(error, action);
  if (error instanceof APIError && error.status === 400) {
    const body = error.error as { errors?: unknown } | undefined;
    if (body?.errors && typeof body.errors === 'object' && !Array.isArray(body.errors)) {
      const details = describeFieldErrors(body.errors as FieldErrors);
      if (details) return new AppError(base.code, `${base.message.replace(/\.?$/, '.')} ${details}.`);
    }
  }
  return base;
}

/** The same failure as a plain sentence, for per-item outcomes. */
export function messageOf(error: unknown, action: string): string {
  return toEditingError(error, action).message;
}

/** ImageKit's bulk endpoints fail a whole batch naming the ids it does not know. */
export function missingIdsOf(error: unknown): string[] {
  if (!(error instanceof APIError) || error.status !== 404) return [];
  const ids = (error.error as { missingFileIds?: unknown } | undefined)?.missingFileIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
