import { badRequest, type IkError } from '../http/errors.js';

/**
 * Every problem with a searchQuery becomes ImageKit's 400 `{message, help}`. Messages share one
 * prefix and end with the 0-based offset of the offending text so a client can point at it.
 */
export function queryError(problem: string, position: number): IkError {
  return badRequest(`Invalid search query: ${problem} at position ${position}`);
}

/** Quotes a piece of user text for a message, keeping messages one line and bounded. */
export function show(text: string): string {
  const clipped = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(clipped);
}
