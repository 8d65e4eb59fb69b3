import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageKit } from '@imagekit/nodejs';
import { expect } from 'vitest';
import { download, listAll, sha, tempDir, writeTree, type ListedFile } from '../upload-queue/helpers';
import { ok, type HostProcess } from './web-host-process';
import type { TestClient } from '../helpers/ws-client';

export interface HostBatch {
  /** The folder to add: it lands as `<targetFolder>/<top>/…`. */
  source: string;
  /** Every file written, by path relative to the source's parent (so starting with `<top>/`). */
  files: Record<string, Buffer>;
  /** A fresh, empty data dir for the web host. */
  dataDir: string;
}

/**
 * Writes `count` generated files under a temp `<top>/` folder (`file(i)` gives each one's path below
 * `top` and its bytes) and makes a fresh host data dir. Both are removed by `removeTempDirs`.
 */
export async function prepareHostBatch(label: string, top: string, count: number, file: (i: number) => [string, Buffer]): Promise<HostBatch> {
  const src = await tempDir(label);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    const [rel, content] = file(i);
    files[`${top}/${rel}`] = content;
  }
  await writeTree(src, files);
  const dataDir = path.join(await tempDir(`${label}-data`), 'data');
  return { source: path.join(src, top), files, dataDir };
}

/**
 * Asserts the library holds under `folder` exactly the batch's files, each once and with the bytes
 * written (compared through the delivery URL); returns the listed files.
 */
export async function expectBatchLandedOnce(sdk: ImageKit, folder: string, files: Record<string, Buffer>): Promise<ListedFile[]> {
  const listed = (await listAll(sdk)).filter((f) => f.filePath.startsWith(`${folder}/`));
  expect(listed).toHaveLength(Object.keys(files).length); // nothing twice: no `-1` copies, no `_xyz` unique-name twins
  const byPath = new Map(listed.map((f) => [f.filePath, f]));
  for (const [rel, content] of Object.entries(files)) {
    const file = byPath.get(`${folder}/${rel}`);
    expect(file, rel).toBeDefined();
    expect(sha(await download(file!.url)), rel).toBe(sha(content));
  }
  return listed;
}

/** Closes the window's connection and stops the host cleanly. */
export async function stopHost(host: HostProcess): Promise<void> {
  host.client.close();
  host.child.kill('SIGTERM');
  await host.exited;
}

/**
 * Sends a folder's files through the staging channels as the browser page does after a folder drop (the
 * web host never reads a path the page names), all in one drop; returns the staged source of the folder.
 */
export async function stageFolder(client: TestClient, folder: string): Promise<{ kind: 'staged'; stagedId: string }> {
  const top = path.basename(folder);
  let groupId: string | undefined;
  for (const rel of (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)))) {
    const content = await readFile(path.join(folder, rel));
    const relativePath = [top, ...rel.split(path.sep)].join('/');
    const begun = await ok<{ stagedId: string; groupId: string }>(client, 'uploads.stage.begin', { relativePath, size: content.length, ...(groupId ? { groupId } : {}) });
    groupId = begun.groupId;
    await ok(client, 'uploads.stage.chunk', { stagedId: begun.stagedId, offset: 0, data: content.toString('base64') });
    await ok(client, 'uploads.stage.end', { stagedId: begun.stagedId });
  }
  if (!groupId) throw new Error(`${folder} holds no files to stage`);
  return { kind: 'staged', stagedId: `${groupId}/${top}` };
}
