import { STAGE_CHUNK_BYTES } from '../../../shared/ipc/areas/uploads';
import { invoke } from './client';
import { webUploadToken } from './transport';

/** Files whose bytes are on their way at once: enough to keep the queue fed, few enough to keep order. */
const PARALLEL_SENDS = 3;
/**
 * Files sent but not yet uploading that the page lets pile up before it sends more: the queue always has the
 * next files at hand, while the machine's time goes to uploading (and checking) rather than to copying the
 * whole selection into staging first.
 */
const STAGED_AHEAD = 8;
/**
 * Images waiting for the near-duplicate check that do not count against STAGED_AHEAD (up to this many): they
 * cannot be sent until checked, so while they wait the page sends the files after them, which upload meanwhile.
 */
const CHECK_AHEAD = 16;

/**
 * Where the queue is with the batch's items that arrived but have not started uploading: `checking` of them are
 * images that may be waiting for the near-duplicate check, `ready` are the others.
 */
export type StagedAhead = () => { ready: number; checking: number };

/** One file of a queued batch, the staged id its bytes go to, and its item in the queue. */
export interface IncomingFile {
  file: Blob;
  stagedId: string;
  itemId: number;
}

/**
 * The files of a batch queued in parts: each part's files are added as its answer comes, and `end` says no more
 * will. The sender works through them in order while later parts are still being queued.
 */
export class IncomingFeed {
  readonly files: IncomingFile[] = [];
  complete = false;

  /** A batch queued in one part. */
  static of(files: IncomingFile[]): IncomingFeed {
    const feed = new IncomingFeed();
    feed.add(files);
    feed.end();
    return feed;
  }

  add(files: IncomingFile[]): void {
    this.files.push(...files);
  }

  end(): void {
    this.complete = true;
  }
}

/** Base64 of a slice, encoded natively (FileReader) rather than byte by byte in script. */
function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * The web host: the File itself is the request body, so the browser streams it from disk as the request goes
 * (no reading in script, no base64). The token travels in a header, never in the URL. XMLHttpRequest rather than
 * fetch: Chromium spent about a quarter less CPU per file sending a File through it (11.5 vs 15 ms per MB file,
 * bench/upload-browser.ts), CPU the uploads themselves compete for.
 */
export async function putOverHttp(profileId: string, stagedId: string, file: Blob, token: string): Promise<void> {
  const query = new URLSearchParams({ stagedId, profileId });
  const xhr = new XMLHttpRequest();
  const answered = new Promise<void>((resolve, reject) => {
    xhr.onload = () => resolve();
    xhr.onerror = () => reject(new Error('MediaDesk could not be reached while sending the file (network error).'));
    xhr.onabort = () => reject(new Error('MediaDesk could not be reached while sending the file (aborted).'));
  });
  xhr.open('PUT', `/uploads/stage?${query}`);
  xhr.setRequestHeader('X-MediaDesk-Token', token);
  xhr.responseType = 'text';
  xhr.send(file);
  await answered;
  if (xhr.status >= 200 && xhr.status < 300) return;
  let reason: string | undefined;
  try {
    reason = (JSON.parse(xhr.responseText) as { error?: { message?: string } } | null)?.error?.message;
  } catch {
    // not an envelope (a proxy's error page, say): the status says what happened
  }
  throw new Error(reason ?? `MediaDesk refused the file (HTTP ${xhr.status}).`);
}

/** Electron: a File without a place on disk (a pasted image) crosses IPC in chunks, in order. */
async function sendOverIpc(profileId: string, stagedId: string, file: Blob): Promise<void> {
  for (let offset = 0; offset < file.size; offset += STAGE_CHUNK_BYTES) {
    const chunk = file.slice(offset, offset + STAGE_CHUNK_BYTES);
    await invoke('uploads.stage.chunk', { profileId, stagedId, offset, data: await toBase64(chunk) });
  }
  await invoke('uploads.stage.end', { profileId, stagedId });
}

/**
 * Sends the bytes of a queued batch's files, a few at a time and in queue order, as the batch (or its part) is
 * queued: each file's upload starts on the main side as soon as its own bytes are in, while the next ones are
 * sent, keeping at most STAGED_AHEAD files arrived-but-not-uploading (`stagedAhead`; images awaiting the
 * near-duplicate check count only past CHECK_AHEAD).
 * A file that cannot be sent is given up on the main side (its item fails, saying why); `stillWanted` skips
 * files cancelled meanwhile. Resolves when every file was sent or given up.
 */
export async function sendIncomingFiles(
  profileId: string,
  incoming: IncomingFile[] | IncomingFeed,
  stillWanted: (itemId: number) => boolean = () => true,
  stagedAhead: StagedAhead = () => ({ ready: 0, checking: 0 }),
): Promise<void> {
  const token = webUploadToken();
  const feed = incoming instanceof IncomingFeed ? incoming : IncomingFeed.of(incoming);
  const files = feed.files;
  const pause = () => new Promise((r) => setTimeout(r, 20));
  const ahead = () => {
    const { ready, checking } = stagedAhead();
    return ready + sending + Math.max(0, checking - CHECK_AHEAD);
  };
  let next = 0;
  let sending = 0;
  // The first file goes alone: its bytes, and so the batch's first upload, do not share the machine with others'.
  // The other senders start once it is sent (or failed), or once the first sender stops (nothing left to send).
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const worker = async (n: number) => {
    if (n > 0) await gate;
    for (;;) {
      // Wait for the next part of the batch to be queued, and while enough files are already staged ahead of
      // the uploads (checked again as the queue moves).
      while (next >= files.length && !feed.complete) await pause();
      if (next >= files.length) return;
      while (ahead() >= STAGED_AHEAD) await pause();
      if (next >= files.length) continue;
      const { file, stagedId, itemId } = files[next++]!;
      if (!stillWanted(itemId)) continue;
      sending += 1;
      try {
        if (token) await putOverHttp(profileId, stagedId, file, token);
        else await sendOverIpc(profileId, stagedId, file);
      } catch (error) {
        // The host fails the item with its own reason when it saw the failure; this covers the rest.
        await invoke('uploads.stage.discard', { profileId, id: stagedId }).catch(() => undefined);
        console.warn(`MediaDesk: a file could not be sent: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        sending -= 1;
        openGate();
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_SENDS }, (_, n) => (n === 0 ? worker(n).finally(openGate) : worker(n))));
}
