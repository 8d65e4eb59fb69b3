import { invoke } from './client';

/** A stream file as the player needs it: the bytes, or the status and the server's reason. */
export interface StreamFile {
  url: string;
  status: number;
  ok: boolean;
  contentType?: string;
  data: ArrayBuffer;
  error?: string;
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/**
 * One manifest, playlist or segment of a stream under the profile's URL endpoint, fetched by the main
 * process (`urls.streamPart`): the page's CSP lets it connect only to its own origin. `rangeEnd` is exclusive.
 */
export async function loadStreamPart(
  profileId: string | undefined,
  url: string,
  range: { rangeStart?: number; rangeEnd?: number },
  signal: AbortSignal,
): Promise<StreamFile> {
  const part = await invoke('urls.streamPart', { profileId, url, ...range }, { signal });
  const { body, ...rest } = part;
  return { ...rest, data: body ? fromBase64(body) : new ArrayBuffer(0) };
}
