import { randomBytes } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/ipc/index';
import { errorMessage } from '../../../shared/error-message';

/** More bytes than the file announced: the web host answers 413 to it. */
export class OversizeError extends AppError {
  constructor(message: string) {
    super('BAD_INPUT', message);
  }
}

interface OpenFile {
  size: number;
  received: number;
  /** Set while a stream (`receive`) writes the file; aborting it stops the write. */
  streaming?: AbortController;
}

/**
 * Bytes of dropped or pasted files, which in a browser window have no path on disk. The window sends
 * each file in chunks (never whole in one message); they are appended to a temp file under
 * `<profileDir>/staging/<group>/<relative path>`, and the queue then reads that file like any other.
 * A group is one drop, so a dropped folder keeps its structure.
 */
export class StagingArea {
  /** Declared sizes of files still being received, by staged id. */
  private readonly open = new Map<string, OpenFile>();
  /**
   * Folders `begin` made (or is making): a batch of 500 files in one folder makes it once, not 500 times. A
   * folder `release` or `discard` removed meanwhile is made again by `create` when the first bytes arrive.
   */
  private readonly made = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  /** A fresh drop: staged ids under it are `<group>/<relative path>`. */
  newGroupId(): string {
    return randomBytes(12).toString('base64url');
  }

  async begin(relativePath: string, size: number, groupId?: string): Promise<{ stagedId: string; groupId: string }> {
    const group = groupId ?? this.newGroupId();
    const rel = cleanRelative(relativePath);
    const stagedId = `${group}/${rel}`;
    if (this.open.has(stagedId)) throw new AppError('BAD_INPUT', `Two files are named "${rel}" in one drop; upload them separately.`);
    const file = this.pathOf(stagedId);
    // Claimed before the first await, so two files of one drop begun in parallel cannot share a name.
    this.open.set(stagedId, { size, received: 0 });
    try {
      // The file itself is created by the first bytes (or by `end` for an empty one): one call less per file.
      const dir = path.dirname(file);
      let making = this.made.get(dir);
      if (!making) this.made.set(dir, (making = fs.mkdir(dir, { recursive: true })));
      await making;
    } catch (error) {
      this.open.delete(stagedId);
      this.made.delete(path.dirname(file));
      throw error;
    }
    return { stagedId, groupId: group };
  }

  async chunk(stagedId: string, offset: number, base64: string): Promise<number> {
    const state = this.open.get(stagedId);
    if (!state) throw new AppError('NOT_FOUND', `Staged upload "${stagedId}" is not open; start it again.`);
    // Chunks must arrive in order: a gap or a repeat would corrupt the file silently.
    if (offset !== state.received) {
      throw new AppError('BAD_INPUT', `Chunk for "${stagedId}" starts at byte ${offset}, expected ${state.received}.`);
    }
    const bytes = Buffer.from(base64, 'base64');
    if (state.received + bytes.length > state.size) {
      throw new AppError('BAD_INPUT', `"${stagedId}" is larger than the ${state.size} bytes announced.`);
    }
    if (state.received === 0) {
      const handle = await this.create(this.pathOf(stagedId));
      try {
        await handle.writeFile(bytes);
      } finally {
        await handle.close();
      }
    } else {
      await fs.appendFile(this.pathOf(stagedId), bytes);
    }
    state.received += bytes.length;
    return state.received;
  }

  /**
   * Streams a whole file's bytes (the web host's request body) into the staged file, never holding more than the
   * stream's buffers in memory. Refuses a second writer, bytes beyond the announced size (OversizeError) and a
   * stream that ends early; the file is then complete, as after `end`.
   */
  async receive(stagedId: string, body: Readable): Promise<number> {
    const state = this.open.get(stagedId);
    if (!state) throw new AppError('NOT_FOUND', `Staged upload "${stagedId}" is not open (it was cancelled, or already complete).`);
    if (state.streaming || state.received > 0) throw new AppError('CONFLICT', `"${stagedId}" is already being received.`);
    const streaming = new AbortController();
    state.streaming = streaming;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        state.received += chunk.length;
        if (state.received > state.size) done(new OversizeError(`"${stagedId}" is larger than the ${state.size} bytes announced.`));
        else done(null, chunk);
      },
    });
    const file = this.pathOf(stagedId);
    try {
      const handle = await this.create(file);
      await pipeline(body, count, handle.createWriteStream(), { signal: streaming.signal });
    } catch (error) {
      state.received = 0;
      state.streaming = undefined;
      if (error instanceof AppError) throw error;
      if (streaming.signal.aborted) {
        // Discarded meanwhile: a file created after the discard removed its folder must not stay behind.
        await fs.rm(file, { force: true });
        throw new AppError('NOT_FOUND', `"${stagedId}" was cancelled while its bytes arrived.`);
      }
      throw new AppError('BAD_INPUT', `The bytes of "${stagedId}" stopped arriving: ${errorMessage(error)}.`);
    }
    state.streaming = undefined;
    return this.end(stagedId);
  }

  async end(stagedId: string): Promise<number> {
    const state = this.open.get(stagedId);
    if (!state) throw new AppError('NOT_FOUND', `Staged upload "${stagedId}" is not open; start it again.`);
    if (state.received !== state.size) {
      throw new AppError('BAD_INPUT', `"${stagedId}" is incomplete: ${state.received} of ${state.size} bytes arrived.`);
    }
    if (state.size === 0) await fs.appendFile(this.pathOf(stagedId), new Uint8Array(0)); // no chunk created it
    this.open.delete(stagedId);
    return state.size;
  }

  /** Where a staged id (a file, or a top-level folder of a drop) lives on disk; refuses ids still open. */
  async resolve(stagedId: string): Promise<string> {
    for (const open of this.open.keys()) {
      if (open === stagedId || open.startsWith(stagedId + '/')) {
        throw new AppError('BAD_INPUT', `"${stagedId}" is still being received; wait for it to finish.`);
      }
    }
    const full = this.pathOf(stagedId);
    try {
      await fs.stat(full);
    } catch {
      throw new AppError('NOT_FOUND', `Staged upload "${stagedId}" does not exist (it may have been sent or discarded already).`);
    }
    return full;
  }

  /** Forgets a whole drop (a group id) or one file or folder of it (a staged id). */
  async discard(id: string): Promise<void> {
    this.forget(id);
    this.unmade(this.pathOf(id));
    await fs.rm(this.pathOf(id), { recursive: true, force: true });
  }

  /** Stops receiving a staged id (or everything under it): an open stream is aborted. */
  private forget(id: string): void {
    for (const [open, state] of [...this.open]) {
      if (open !== id && !open.startsWith(id + '/')) continue;
      state.streaming?.abort();
      this.open.delete(open);
    }
  }

  /** Whether a file under this staged folder is still open (announced, its bytes not all in). */
  private receivesUnder(folderId: string): boolean {
    for (const open of this.open.keys()) if (open.startsWith(folderId + '/')) return true;
    return false;
  }

  /**
   * Opens a staged file for its first bytes. Its folder is made by `begin`, but `release` may have removed it
   * meanwhile when it was left empty (the first bytes create the file), so a missing folder is made again.
   */
  private async create(file: string): Promise<FileHandle> {
    try {
      return await fs.open(file, 'w');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await fs.mkdir(path.dirname(file), { recursive: true });
      return fs.open(file, 'w');
    }
  }

  /** Where a staged id's bytes are written (open or complete). */
  fileOf(stagedId: string): string {
    return this.pathOf(stagedId);
  }

  /** The staged id of a file inside the staging area. */
  idOf(file: string): string {
    if (!this.owns(file)) throw new AppError('BAD_INPUT', `"${file}" is not a staged upload.`);
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  /** True for files this area created (the queue may delete them once uploaded). */
  owns(file: string): boolean {
    const rel = path.relative(this.root, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  /** Removes a staged file after its upload ended, and its now-empty folders up to the group. */
  async release(file: string): Promise<void> {
    if (!this.owns(file)) return;
    this.forget(this.idOf(file));
    await fs.rm(file, { force: true });
    let dir = path.dirname(file);
    // A folder is kept while files of the drop are still to arrive in it: their first bytes create them there.
    while (this.owns(dir) && !this.receivesUnder(this.idOf(dir))) {
      try {
        await fs.rmdir(dir);
      } catch {
        return; // not empty: other files of the drop are still queued
      }
      this.made.delete(dir);
      dir = path.dirname(dir);
    }
  }

  /** Forgets the folders made at or under `dir` (they are being removed). */
  private unmade(dir: string): void {
    for (const made of this.made.keys()) if (made === dir || made.startsWith(dir + path.sep)) this.made.delete(made);
  }

  private pathOf(stagedId: string): string {
    const full = path.resolve(this.root, ...stagedId.split('/'));
    if (!this.owns(full)) throw new AppError('BAD_INPUT', `"${stagedId}" is outside the staging area.`);
    return full;
  }
}

/** A relative path from the window (`a/b/c.jpg`), refused if it tries to climb out. */
function cleanRelative(relativePath: string): string {
  const parts = relativePath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) {
    throw new AppError('BAD_INPUT', `"${relativePath}" is not a usable file name.`);
  }
  return parts.join('/');
}
