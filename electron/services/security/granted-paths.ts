import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';

/** A path source the renderer may have read: `path` (real), and for a folder that was not granted whole, which files in it. */
export interface ReadableSource {
  path: string;
  /** Absent: everything under `path` was granted. Present: only the files it accepts may be read. */
  only?: (file: string) => boolean;
}

/**
 * The disk paths a renderer may name, for this run of this process. A renderer is never trusted with
 * a path of its own choosing: in the web host any page on this machine that learns the token could
 * otherwise upload `/etc/passwd` or save into an autostart folder. Only paths this process itself
 * produced are granted:
 * - read: what Electron's `webUtils.getPathForFile` returned for a File the person dropped or picked
 *   (a file, or a whole dropped folder); the preload reports each one as it hands it to the page;
 * - write: a folder the person chose in this process's folder dialog, or a folder the main process
 *   made itself (the temp folder of a drag-out).
 * The web host has neither, so nothing is ever granted there: browser uploads send bytes instead.
 * Paths are compared by real path, so `..`, symlinks and case-preserving spellings cannot widen a grant.
 */
export class GrantedPaths {
  readonly #readable = new Set<string>();
  readonly #writable = new Set<string>();
  /** Grants still resolving their real path; a check waits for them, so a grant sent just before a call counts. */
  readonly #pending = new Set<Promise<void>>();

  /** A file or folder the person dropped or picked (a path `webUtils.getPathForFile` produced). */
  grantRead(target: string): Promise<void> {
    return this.#grant(target, this.#readable);
  }

  /** A folder the person chose in this process's own dialog, or one the main process created. */
  grantWrite(directory: string): Promise<void> {
    return this.#grant(directory, this.#writable);
  }

  /**
   * What an upload from `requested` may read. A granted path (or one inside a granted folder) is read
   * whole; a folder that only contains granted files is read for those files only (the top folder of a
   * drop whose files were granted one by one). Anything else is refused with NOT_ALLOWED.
   */
  async readable(requested: string): Promise<ReadableSource> {
    const real = await this.#real(requested);
    if (real !== null && this.#coversRead(real)) return { path: real };
    if (real !== null && [...this.#readable].some((granted) => isInside(granted, real))) {
      return { path: real, only: (file) => this.#coversRead(file) };
    }
    throw new AppError(
      'NOT_ALLOWED',
      `MediaDesk did not read "${requested}": it only reads files you dropped or picked in this window. Drop or pick the files to upload them.`,
    );
  }

  /** The real path of `requested` if originals may be saved into it; NOT_ALLOWED otherwise. */
  async writableDirectory(requested: string): Promise<string> {
    const real = await this.#real(requested);
    if (real !== null && this.#writable.has(real)) return real;
    throw new AppError(
      'NOT_ALLOWED',
      `MediaDesk did not save into "${requested}": it only saves into a folder you chose in its folder dialog. Download again and choose the folder.`,
    );
  }

  #grant(target: string, into: Set<string>): Promise<void> {
    if (typeof target !== 'string' || !path.isAbsolute(target)) return Promise.resolve();
    const job = realpath(target).then(
      (real) => {
        into.add(real);
      },
      () => undefined, // gone already: nothing to grant
    );
    this.#pending.add(job);
    void job.then(() => this.#pending.delete(job));
    return job;
  }

  /** Real path after pending grants settled; null when it cannot be resolved (same refusal as ungranted, so no existence oracle). */
  async #real(requested: string): Promise<string | null> {
    while (this.#pending.size) await Promise.all([...this.#pending]);
    if (typeof requested !== 'string' || !path.isAbsolute(requested)) return null;
    return realpath(requested).catch(() => null);
  }

  /** The path itself or one of its folders was granted for reading. */
  #coversRead(real: string): boolean {
    for (let at = real; ; at = path.dirname(at)) {
      if (this.#readable.has(at)) return true;
      if (path.dirname(at) === at) return false;
    }
  }
}

/** `child` lies strictly inside `parent` (both real, absolute). */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
