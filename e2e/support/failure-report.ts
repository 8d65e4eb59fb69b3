import type { Page } from '@playwright/test';

interface Frames {
  received: string[];
  sent: string[];
}

type Parsed = { t?: string; id?: number; channel?: string; result?: { ok?: boolean; error?: { code?: string; message?: string } } };

function parse(frame: string): Parsed | null {
  try {
    return JSON.parse(frame) as Parsed;
  } catch {
    return null;
  }
}

/**
 * What the host was asked and how it answered, as far as a failed step needs it: the calls still
 * waiting for an answer and the calls answered with an error envelope. A step that waits for data
 * which never shows is either a call that never came back or one that failed; this says which.
 */
export function describeCalls(frames: Frames): string {
  const channelOf = new Map<number, string>();
  for (const raw of frames.sent) {
    const frame = parse(raw);
    if (frame?.t === 'req' && typeof frame.id === 'number') channelOf.set(frame.id, frame.channel ?? '?');
  }
  const failed: string[] = [];
  for (const raw of frames.received) {
    const frame = parse(raw);
    if (frame?.t !== 'res' || typeof frame.id !== 'number') continue;
    const channel = channelOf.get(frame.id) ?? '?';
    channelOf.delete(frame.id);
    if (frame.result?.ok === false) failed.push(`${channel}: ${frame.result.error?.code} ${frame.result.error?.message}`);
  }
  const waiting = [...channelOf.values()];
  return [
    `calls sent: ${frames.sent.length}, still unanswered: ${waiting.length ? waiting.join(', ') : 'none'}`,
    `answered with an error: ${failed.length ? `\n  ${failed.slice(-15).join('\n  ')}` : 'none'}`,
  ].join('\n');
}

const SNAPSHOT_LIMIT = 6_000;

/** The page as a screen reader would meet it (the accessible tree), cut to a size a CI log can hold. */
export async function describePage(page: Page): Promise<string> {
  if (page.isClosed()) return 'the page was closed';
  try {
    const snapshot = await page.locator('body').ariaSnapshot({ timeout: 2_000 });
    return snapshot.length > SNAPSHOT_LIMIT ? `${snapshot.slice(0, SNAPSHOT_LIMIT)}\n… (${snapshot.length - SNAPSHOT_LIMIT} more characters)` : snapshot;
  } catch (error) {
    return `no snapshot: ${error instanceof Error ? error.message : String(error)}`;
  }
}
