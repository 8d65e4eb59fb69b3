import type { UploadsHarness } from './harness';

/** Sends `bytes` through the chunked staging channels, as the window does; returns the staged id. */
export async function stageBytes(h: UploadsHarness, relativePath: string, bytes: Buffer, groupId?: string, chunk = 64 * 1024): Promise<{ stagedId: string; groupId: string }> {
  const begun = await h.data('uploads.stage.begin', { relativePath, size: bytes.length, groupId });
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await h.data('uploads.stage.chunk', { stagedId: begun.stagedId, offset, data: bytes.subarray(offset, offset + chunk).toString('base64') });
  }
  await h.data('uploads.stage.end', { stagedId: begun.stagedId });
  return begun;
}

/** The top-level staged ids of a drop (a file, or the top folder of a dropped folder). */
export function roots(groupId: string, relativePaths: string[]): string[] {
  return [...new Set(relativePaths.map((p) => `${groupId}/${p.split('/')[0]}`))];
}
