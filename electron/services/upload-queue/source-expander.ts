import fs from 'node:fs/promises';
import path from 'node:path';
import { joinFolder, sanitizeFolder, sanitizeName } from './library-probe.js';
import type { NewItem } from './queue-store.js';

export type UploadSource =
  /**
   * A file, or a folder uploaded recursively with its structure recreated under the target folder.
   * `only` (a folder) limits it to the files it accepts: the ones the person actually handed over.
   */
  | { kind: 'path'; path: string; only?: (file: string) => boolean }
  /** A remote file the server fetches itself (reference §3: `file` may be an http(s) URL). */
  | { kind: 'url'; url: string; fileName?: string }
  /**
   * A file whose bytes are still on their way to `path` (sent by the window). It is queued at once in state
   * `receiving` with its announced size, under the folders of `relativePath` (`album/2024/a.jpg`), and is
   * sent once the queue hears `received`.
   */
  | { kind: 'incoming'; path: string; relativePath: string; size: number };

function nameFromUrl(raw: string): string {
  const last = decodeURIComponent(new URL(raw).pathname.split('/').filter(Boolean).pop() ?? '');
  return last || 'remote-file';
}

async function walk(dir: string, relFolder: string, targetFolder: string, out: NewItem[], only?: (file: string) => boolean): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, path.posix.join(relFolder, e.name), targetFolder, out, only);
    else if (e.isFile() && (!only || only(full))) await addFile(full, joinFolder(targetFolder, relFolder), out);
    // Symlinks, sockets etc. are skipped on purpose: following links can loop or escape the dropped folder.
  }
}

async function addFile(file: string, folder: string, out: NewItem[]): Promise<void> {
  const st = await fs.stat(file);
  out.push({ sourceKind: 'file', source: path.resolve(file), folder: sanitizeFolder(folder), fileName: sanitizeName(path.basename(file)), size: st.size });
}

/** Turns dropped files/folders/URLs into queue items. Throws a specific error for a missing or unreadable path. */
export async function expandSources(sources: UploadSource[], targetFolder: string): Promise<NewItem[]> {
  const out: NewItem[] = [];
  for (const src of sources) {
    if (src.kind === 'incoming') {
      const segments = src.relativePath.split('/').filter(Boolean);
      const name = segments.pop();
      if (!name) throw new Error(`"${src.relativePath}" is not a usable file name.`);
      out.push({ sourceKind: 'file', source: path.resolve(src.path), folder: sanitizeFolder(joinFolder(targetFolder, ...segments)), fileName: sanitizeName(name), size: src.size, state: 'receiving' });
      continue;
    }
    if (src.kind === 'url') {
      let parsed: URL;
      try {
        parsed = new URL(src.url);
      } catch {
        throw new Error(`"${src.url}" is not a valid URL.`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`"${src.url}" must be an http(s) URL.`);
      out.push({ sourceKind: 'url', source: parsed.href, folder: sanitizeFolder(targetFolder), fileName: sanitizeName(src.fileName ?? nameFromUrl(src.url)), size: null });
      continue;
    }
    let st;
    try {
      st = await fs.stat(src.path);
    } catch (err) {
      throw new Error(`Cannot read "${src.path}": ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
    if (st.isDirectory()) await walk(src.path, path.basename(path.resolve(src.path)), targetFolder, out, src.only);
    else if (st.isFile()) await addFile(src.path, targetFolder, out);
    else throw new Error(`"${src.path}" is neither a file nor a folder.`);
  }
  return out;
}
