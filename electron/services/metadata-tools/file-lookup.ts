import type ImageKit from '@imagekit/nodejs';
import { AppError } from '../../../shared/ipc/result';
import { toAppError } from '../imagekit/to-app-error';

export interface FoundFile {
  fileId: string;
  name: string;
  filePath: string;
  url: string;
  thumbnail: string | null;
  fileType: string;
  versionId: string | null;
}

interface Listed {
  type?: string;
  fileId?: string;
  name?: string;
  filePath?: string;
  url?: string;
  thumbnail?: string;
  fileType?: string;
  versionInfo?: { id?: string };
}

const PAGE = 1000;

function toFound(item: Listed): FoundFile | undefined {
  if (item.type !== 'file' || !item.fileId || !item.name || !item.filePath || !item.url) return undefined;
  return {
    fileId: item.fileId,
    name: item.name,
    filePath: item.filePath,
    url: item.url,
    thumbnail: item.thumbnail ?? null,
    fileType: item.fileType ?? 'non-image',
    versionId: item.versionInfo?.id ?? null,
  };
}

/** `/a/b/c.jpg` → `/a/b`; `/c.jpg` → `/`. */
export function folderOf(filePath: string): string {
  const cut = filePath.lastIndexOf('/');
  return cut <= 0 ? '/' : filePath.slice(0, cut);
}

/** Every file directly in `folderPath` (not in sub-folders), page by page. */
export async function listFolderFiles(client: ImageKit, folderPath: string, fileType: 'all' | 'image' = 'all'): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  for (let skip = 0; ; skip += PAGE) {
    let page: Listed[];
    try {
      page = (await client.assets.list({ path: folderPath, type: 'file', fileType, sort: 'ASC_NAME', limit: PAGE, skip })) as Listed[];
    } catch (error) {
      throw toAppError(error, `list the files of ${folderPath}`);
    }
    for (const item of page) {
      const found = toFound(item);
      if (found) out.push(found);
    }
    if (page.length < PAGE) return out;
  }
}

/** The current file at `filePath`, or NOT_FOUND naming the path. */
export async function findFileByPath(client: ImageKit, filePath: string): Promise<FoundFile> {
  const name = filePath.slice(filePath.lastIndexOf('/') + 1);
  let page: Listed[];
  try {
    page = (await client.assets.list({ path: folderOf(filePath), type: 'file', searchQuery: `name = ${JSON.stringify(name)}`, limit: 10 })) as Listed[];
  } catch (error) {
    throw toAppError(error, `look up ${filePath}`);
  }
  const found = page.map(toFound).find((f) => f?.filePath === filePath);
  if (!found) throw new AppError('NOT_FOUND', `There is no file at ${filePath} in this library.`);
  return found;
}
