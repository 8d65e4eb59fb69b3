import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { NativeImage, WebContents } from 'electron';
import { z } from 'zod';

const DragOutRequest = z.object({
  fileIds: z.array(z.string().min(1)).min(1).max(100),
  profileId: z.string().min(1).optional(),
});

/** The saved files of `library.saveOriginals` (paths on disk) and what could not be saved. */
export interface SavedOriginals {
  succeeded: string[];
  failed: { item: string; message: string }[];
}

export interface DragOutOptions {
  /** Builds the drag image: the first file itself when it is a picture, else the OS icon of its type. */
  nativeImage: { createFromPath(path: string): NativeImage };
  fileIcon: (path: string) => Promise<NativeImage>;
  /** The existing `library.saveOriginals` logic, writing into `directory`. */
  saveOriginals: (request: { fileIds: string[]; profileId?: string; directory: string }) => Promise<SavedOriginals>;
  /** Lets `library.saveOriginals` write into a folder this adapter made (services/security/granted-paths.ts). */
  allowSaveInto: (directory: string) => Promise<void>;
  /** Parent of the per-drag temp folders (the OS temp dir). */
  tempRoot: string;
  log: (message: string, error?: unknown) => void;
}

export interface DragOut {
  /** Handles one request of the (already sender-checked) window: download, then `sender.startDrag`. */
  start(sender: Pick<WebContents, 'isDestroyed' | 'startDrag'>, request: unknown): Promise<void>;
  /** Removes the temp folders (at quit). */
  close(): Promise<void>;
}

const ICON_WIDTH = 64;

/**
 * Native drag-out: Electron can only drag files that exist on disk, and only from the main process
 * (`webContents.startDrag`). The window says which files; their originals are downloaded into a
 * fresh temp folder, then the drag starts. Temp folders are removed at quit, not after the drop,
 * because the drop target may still be reading them.
 */
export function createDragOut(options: DragOutOptions): DragOut {
  const tempDirs: string[] = [];

  async function start(sender: Pick<WebContents, 'isDestroyed' | 'startDrag'>, raw: unknown): Promise<void> {
    const request = DragOutRequest.safeParse(raw);
    if (!request.success) {
      options.log(`ignored a malformed drag-out request: ${request.error.message}`);
      return;
    }
    const directory = await mkdtemp(path.join(options.tempRoot, 'mediadesk-drag-'));
    tempDirs.push(directory);
    await options.allowSaveInto(directory);
    const saved = await options.saveOriginals({ ...request.data, directory });
    for (const failure of saved.failed) options.log(`could not drag out ${failure.item}: ${failure.message}`);
    const [first] = saved.succeeded;
    if (!first || sender.isDestroyed()) return;
    const picture = options.nativeImage.createFromPath(first);
    const icon = picture.isEmpty() ? await options.fileIcon(first) : picture.resize({ width: ICON_WIDTH });
    sender.startDrag({ file: first, files: saved.succeeded, icon });
  }

  return {
    start: (sender, raw) => start(sender, raw).catch((error: unknown) => options.log('could not drag the files out', error)),
    close: async () => {
      await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
