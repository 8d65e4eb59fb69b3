import type { UploadItem, UploadSource } from '../../../shared/domain/uploads';
import { isImageName } from '../../../shared/domain/image-names';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { invoke, subscribe } from './client';
import { IncomingFeed, sendIncomingFiles, type StagedAhead } from './upload-bytes';

type StagedAheadCount = ReturnType<StagedAhead>;

type AddInput = ChannelInput<'uploads.add'> & { profileId: string };

/**
 * Files in the first part of a large selection: queued (and answered) in a few milliseconds, so the first bytes
 * go out while the host is still registering the rest; registering 500 files at once kept the first byte back
 * by over a second.
 */
export const FIRST_PART = 16;
/** Files in each later part. */
export const LATER_PART = 250;
/**
 * The later parts wait until the first file is uploading (or this long): registering them keeps the host busy
 * for a while, and the first file's bytes, its arrival and its upload's start must not queue behind that.
 */
const FIRST_UPLOAD_WAIT_MS = 3_000;

/** Whether the near-duplicate check will hold the file before it may be sent (images, when the batch asks for it). */
function heldByCheck(source: UploadSource, check: boolean): boolean {
  return check && source.kind === 'incoming' && isImageName(source.relativePath.split('/').pop() ?? '');
}

/**
 * The order the files are queued and sent in: as given, except that when the check would hold the first file,
 * the first one it does not hold goes first, so a byte is on the wire while the first images are checked.
 */
export function sendOrder(sources: UploadSource[], check: boolean): number[] {
  const order = sources.map((_, i) => i);
  if (!heldByCheck(sources[0]!, check)) return order;
  const free = sources.findIndex((s) => !heldByCheck(s, check));
  if (free > 0) order.unshift(...order.splice(free, 1));
  return order;
}

/** Cuts the order into the parts queued one after the other. */
export function parts(order: number[]): number[][] {
  const out = [order.slice(0, FIRST_PART)];
  for (let at = FIRST_PART; at < order.length; at += LATER_PART) out.push(order.slice(at, at + LATER_PART));
  return out;
}

/**
 * The states of a batch's items as pushed, and how many of them arrived but have not started uploading (kept as
 * each push comes, not counted on every look).
 */
class BatchStates {
  private readonly states = new Map<number, { state: UploadItem['state']; kind: keyof StagedAheadCount | null }>();
  readonly ahead: StagedAheadCount = { ready: 0, checking: 0 };

  constructor(
    private readonly check: boolean,
    private readonly ids: ReadonlySet<number>,
  ) {}

  state(itemId: number): UploadItem['state'] {
    return this.states.get(itemId)?.state ?? 'receiving';
  }

  heard(item: UploadItem): void {
    if (!this.ids.has(item.id)) return; // its first push ('receiving') may come before the answer that names it
    const before = this.states.get(item.id)?.kind;
    if (before) this.ahead[before] -= 1;
    const waiting = item.state === 'pending' || item.state === 'queued';
    const kind = !waiting ? null : this.check && item.state === 'pending' && isImageName(item.fileName) ? 'checking' : 'ready';
    if (kind) this.ahead[kind] += 1;
    this.states.set(item.id, { state: item.state, kind });
  }
}

/**
 * Queues a selection the window must send (`incoming` sources, `files` in the same order) in parts: resolves with
 * the first part's answer, while the later parts are added to the same batch in the background and every file's
 * bytes follow as its part is queued. `onPartFailed` hears why a later part could not be queued (its files and
 * those after it are not uploaded).
 */
export async function addIncomingInParts(
  { sources, ...input }: AddInput,
  files: Blob[],
  onPartFailed: (message: string, files: number) => void,
): Promise<ChannelOutput<'uploads.add'>> {
  const check = input.options.nearDuplicateCheck === true;
  const [first, ...rest] = parts(sendOrder(sources, check));
  const feed = new IncomingFeed();
  const ids = new Set<number>();
  const take = (added: ChannelOutput<'uploads.add'>, part: number[]) => {
    feed.add(added.incoming.map((it, i) => ({ ...it, file: files[part[i]!]! })));
    for (const it of added.incoming) ids.add(it.itemId);
  };
  // Where the batch's items are, from the pushes as they come (the list's cache is written only every
  // PUSH_FLUSH_MS): the senders pace themselves by it, and waiting on a stale count held back the uploads.
  const queue = new BatchStates(check, ids);
  const off = subscribe('uploads.item', ({ profileId, item }) => profileId === input.profileId && queue.heard(item));
  let added: ChannelOutput<'uploads.add'>;
  try {
    added = await invoke('uploads.add', { ...input, sources: first!.map((i) => sources[i]!), more: rest.length > 0 });
  } catch (error) {
    off();
    throw error;
  }
  take(added, first!);

  const stillWanted = (itemId: number) => queue.state(itemId) !== 'cancelled';
  void sendIncomingFiles(input.profileId, feed, stillWanted, () => queue.ahead).finally(off);

  void (async () => {
    const firstItem = added.incoming[0]?.itemId;
    const waiting = new Set(['receiving', 'pending', 'queued']);
    const firstStarted = () => firstItem === undefined || !waiting.has(queue.state(firstItem));
    for (const until = Date.now() + FIRST_UPLOAD_WAIT_MS; rest.length && !firstStarted() && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    for (const [n, part] of rest.entries()) {
      // Cancelled while the rest was being queued (Cancel all): the rest is not wanted either.
      if (added.incoming.every((it) => !stillWanted(it.itemId))) break;
      try {
        const more = n < rest.length - 1;
        take(await invoke('uploads.add', { ...input, sources: part.map((i) => sources[i]!), batchId: added.batchId, more }), part);
      } catch (error) {
        onPartFailed(error instanceof Error ? error.message : String(error), rest.slice(n).reduce((s, p) => s + p.length, 0));
        break;
      }
    }
    feed.end();
  })();
  return added;
}
