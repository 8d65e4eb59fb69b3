import type { FolderRecord } from '../model/file-record.js';
import { folderNameOf } from '../model/paths.js';
import type { Library } from './library.js';
import { TransferPlan } from './transfer.js';
import { nowIso } from './file-ops.js';

export type FolderJobKind = 'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER';

/** `/a/b/` moved under `/x/` → every path under `/a/b/` re-rooted at `/x/b/` (or at `newRoot` for a rename). */
function reroot(path: string, from: string, to: string): string {
  return to + path.slice(from.length);
}

/**
 * Copies or moves folder `source` (with sub-folders, files and, when asked, versions) so that it
 * becomes `newRoot`. Everything is one atomic library change, together with `alsoInTransaction`.
 */
export function transferFolder(
  library: Library,
  kind: FolderJobKind,
  source: string,
  newRoot: string,
  includeVersions: boolean,
  alsoInTransaction?: () => void,
): void {
  const plan = new TransferPlan(library, nowIso());
  const folders = [library.folder(source), ...library.foldersIn(source, true)].filter((f): f is FolderRecord => f !== undefined);
  const files = library.filesIn(source, true);
  const moving = kind !== 'COPY_FOLDER';
  plan.ensureFolder(newRoot);
  const renamedFolders: FolderRecord[] = [];
  for (const folder of folders) {
    const target = reroot(folder.folderPath, source, newRoot);
    if (moving && !library.folder(target)) {
      // A moved or renamed folder keeps its identity.
      renamedFolders.push({ ...folder, folderPath: target, name: folderNameOf(target), updatedAt: plan.at });
    } else {
      plan.ensureFolder(target);
    }
  }
  for (const file of files) {
    const dest = reroot(file.folderPath, source, newRoot);
    if (moving) plan.move(file, dest);
    else plan.copy(file, dest, includeVersions);
  }
  for (const f of renamedFolders) plan.folders.set(f.folderPath, f);
  plan.apply(moving ? folders.map((f) => f.folderPath) : [], alsoInTransaction);
}
