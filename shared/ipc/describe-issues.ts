import type { z } from 'zod';

/** Names the failing field and the reason, e.g. "urlEndpoint: URL endpoint must start with https://". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
