/** Messages between the main process and the Local library's utility process. */
export type LocalLibraryMessage =
  | { type: 'ready'; apiUrl: string; urlEndpoint: string; publicKey: string; privateKey: string }
  | { type: 'failed'; message: string };

export type LocalLibraryCommand = { type: 'close' };

export function isLocalLibraryMessage(value: unknown): value is LocalLibraryMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'failed';
}
