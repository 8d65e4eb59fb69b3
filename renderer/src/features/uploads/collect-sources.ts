import type { WindowFile } from '../../api/uploads';

/** What a drop or a paste brought: files (with their place inside dropped folders) and web links. */
export interface Collected {
  files: WindowFile[];
  urls: string[];
}

/** Drags MediaDesk starts itself (files from the grid) are moves, not uploads. */
const INTERNAL_TYPE = 'application/x-mediadesk-files';

/** True when a drag carries something the uploader takes: files from the computer, or links/images from a web page. */
export function isUploadDrag(types: readonly string[]): boolean {
  if (types.includes(INTERNAL_TYPE)) return false;
  return types.includes('Files') || types.includes('text/uri-list') || types.includes('text/html');
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every file under a dropped entry, folders recursively, with paths relative to the drop. */
export async function walkEntry(entry: FileSystemEntry, prefix: string, out: WindowFile[]): Promise<void> {
  const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in pages (100 in Chromium) until it returns an empty one.
  for (let page = await readEntries(reader); page.length > 0; page = await readEntries(reader)) {
    for (const child of page) await walkEntry(child, relativePath, out);
  }
}

const HTTP_URL = /^https?:\/\//i;

/** Links and image sources of a drag from a web page (uri-list first, then <img src> / <a href> in the HTML). */
export function linksOf(data: Pick<DataTransfer, 'getData'>): string[] {
  const list = data
    .getData('text/uri-list')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && HTTP_URL.test(l));
  if (list.length) return [...new Set(list)];
  const html = data.getData('text/html');
  if (!html) return [];
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = [...doc.querySelectorAll('img[src]')].map((img) => img.getAttribute('src') ?? '');
  if (found.length === 0) found.push(...[...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(found.filter((u) => HTTP_URL.test(u)))];
}

/**
 * Reads a drop: files and folders (through `webkitGetAsEntry`, so folders keep their structure), or, when
 * no files came, the links/images dragged from a web page. Entries must be taken synchronously in the
 * event handler; the walking is async.
 */
export async function collectDrop(data: DataTransfer): Promise<Collected> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of [...data.items]) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) {
    for (const file of [...data.files]) loose.push(file);
  }
  const files: WindowFile[] = loose.map((file) => ({ file, relativePath: file.name }));
  for (const entry of entries) await walkEntry(entry, '', files);
  return { files, urls: files.length ? [] : linksOf(data) };
}

/** Files chosen in a picker; a folder picker gives `webkitRelativePath`, which keeps the structure. */
export function fromPicker(list: FileList | null): WindowFile[] {
  return [...(list ?? [])].map((file) => ({ file, relativePath: file.webkitRelativePath || file.name }));
}

/** A pasted image has a generic name (`image.png`); give it a dated one so pastes do not collide. */
export function pastedName(file: File, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')) : `.${(file.type.split('/')[1] ?? 'bin').replace('jpeg', 'jpg')}`;
  return /^image\.\w+$/i.test(file.name) || !file.name ? `pasted-${stamp}${ext}` : file.name;
}

/** Files and links from a clipboard paste (images copied from anywhere, files copied in a file manager). */
export function collectPaste(data: DataTransfer): Collected {
  const files: WindowFile[] = [...data.files].map((file) => ({ file, relativePath: pastedName(file) }));
  if (files.length) return { files, urls: [] };
  const text = data.getData('text/plain').trim();
  const urls = text
    .split(/\s+/)
    .filter((u) => HTTP_URL.test(u));
  return { files: [], urls: text && urls.length && urls.join(' ').length >= text.replace(/\s+/g, ' ').length - 1 ? urls : [] };
}
