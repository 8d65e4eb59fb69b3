import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { UploadQueue } from '../../electron/services/upload-queue/upload-queue';
import type { ConflictPolicy, QueueItem } from '../../electron/services/upload-queue/types';
import { sanitizeFolder } from '../../electron/services/upload-queue/library-probe';
import { backupTree } from '../../electron/services/transfer/backup';
import { LibraryReader } from '../../electron/services/transfer/library-reader';
import { MANIFEST_NAME } from '../../electron/services/transfer/manifest';
import { downloadToFile, originalUrl } from '../../electron/services/transfer/originals';
import { baseName, joinLibrary, normalizeLibraryPath } from '../../electron/services/transfer/paths';
import { DEFAULT_RETRY } from '../../electron/services/upload-queue/retry-policy';
import { CliError, EXIT, UsageError } from '../errors';
import { formatBytes } from '../output';
import { action, type CliEnvironment, type RunContext } from '../runner';
import { runPlan } from './transfer';

interface UploadOptions {
  folder: string;
  tags?: string;
  onConflict?: string;
  private?: boolean;
  versions?: boolean;
  report?: string;
}

const QUEUE_RULE: Record<string, ConflictPolicy> = { replace: 'replace', 'keep-both': 'keepBoth', skip: 'skip' };

function parseTags(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const tags = raw.split(',').map((t) => t.trim()).filter(Boolean);
  if (!tags.length) throw new UsageError('--tags needs at least one tag, e.g. --tags sale,summer.');
  if (tags.some((t) => t.includes('%'))) throw new UsageError('Tags cannot contain "%" (ImageKit refuses it).');
  return tags;
}

/** A folder written by `download` (originals + manifest) goes back with its fields through the transfer engine. */
async function restoreDirectory(run: RunContext, directory: string, folder: string, opts: UploadOptions): Promise<number> {
  const profile = await run.ctx.profile(run.globals.profile);
  const rule = opts.onConflict === undefined ? undefined : (opts.onConflict as 'replace' | 'keep-both' | 'skip');
  const targetPath = joinLibrary(folder, path.basename(path.resolve(directory)));
  run.out.note(`Restoring the backup in ${directory} to ${profile.name}:${targetPath} with its fields…`);
  const plan = await run.ctx.transfers().plan({
    source: { kind: 'directory', directory: path.resolve(directory) },
    target: { profileId: profile.id, path: targetPath },
    mode: 'copy',
    versions: opts.versions === true,
    deleteExtraneous: false,
    onConflict: rule ?? 'ask',
  });
  return runPlan(run.out, run.ctx, plan, { rule, report: opts.report });
}

async function uploadFiles(run: RunContext, paths: string[], opts: UploadOptions): Promise<number> {
  const { ctx, out, globals } = run;
  const profile = await ctx.profile(globals.profile);
  const folder = sanitizeFolder(opts.folder);
  const dbDir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-cli-upload-'));
  const client = await ctx.client(profile.id);
  const queue = new UploadQueue(client, path.join(dbDir, 'uploads.db'), { concurrency: 4 });
  try {
    queue.start();
    const { batchId, items } = await queue.add({
      sources: paths.map((p) => ({ kind: 'path' as const, path: p })),
      targetFolder: folder,
      profileId: profile.id,
      options: { onConflict: opts.onConflict ? QUEUE_RULE[opts.onConflict] : 'ask', ...(parseTags(opts.tags) ? { tags: parseTags(opts.tags) } : {}), ...(opts.private ? { isPrivateFile: true } : {}) },
    });
    const total = items.reduce((sum, it) => sum + (it.size ?? 0), 0);
    const bar = out.bar('{bar} {percentage}% | {value}/{total}', total || 1, formatBytes);
    queue.on('total', (t) => bar.update(Math.min(t.bytesSent, total)));
    await queue.whenIdle();
    bar.stop();
    const final = queue.items({ batchId });
    const conflicts = final.filter((i) => i.state === 'conflict');
    if (conflicts.length) queue.cancelAll(batchId);
    const row = (i: QueueItem) => [i.state, i.result?.filePath ?? `${i.folder === '/' ? '' : i.folder}/${i.targetName}`, i.size === null ? '' : formatBytes(i.size), i.errorMessage ?? (i.state === 'conflict' ? 'exists at the target; choose --on-conflict' : '')];
    out.table(['State', 'Target', 'Size', 'Note'], final.map(row), { alignRight: [2] });
    const done = final.filter((i) => i.state === 'done').length;
    out.line(`${done} uploaded, ${final.filter((i) => i.state === 'skipped').length} skipped, ${final.filter((i) => i.state === 'failed').length} failed, ${conflicts.length} in conflict (not sent).`);
    out.data(final.map((i) => ({ source: i.source, state: i.state, targetPath: i.result?.filePath ?? null, fileId: i.result?.fileId ?? null, size: i.size, error: i.errorMessage, help: i.errorHelp })));
    if (final.some((i) => i.state === 'failed')) return EXIT.partial;
    return conflicts.length ? EXIT.conflict : EXIT.ok;
  } finally {
    await queue.close();
    await rm(dbDir, { recursive: true, force: true });
  }
}

/** `upload` and `download`: files between this computer and the library. */
export function registerFiles(program: Command, io: CliEnvironment, setExit: (code: number) => void): void {
  program
    .command('upload <paths...>')
    .description(`upload files and folders (a folder made by "download", with its ${MANIFEST_NAME}, goes back with all its fields)`)
    .option('--folder <path>', 'library folder that receives them', '/')
    .option('--tags <list>', 'comma-separated tags for every uploaded file')
    .option('--on-conflict <rule>', 'when a file of that name exists: replace, keep-both or skip')
    .option('--private', 'upload as private files')
    .option('--versions', 'when restoring a backup: its older versions too, in order')
    .option('--report <file>', 'when restoring a backup: save the job report (JSON) here')
    .action(
      action(io, setExit, 'upload', async (run: RunContext, paths: string[], opts: UploadOptions) => {
        if (opts.onConflict !== undefined && !QUEUE_RULE[opts.onConflict]) throw new UsageError(`--on-conflict must be replace, keep-both or skip, not "${opts.onConflict}".`);
        const folder = normalizeLibraryPath(opts.folder);
        const backups: string[] = [];
        const plain: string[] = [];
        for (const p of paths) {
          const st = await stat(p).catch(() => null);
          if (!st) throw new UsageError(`Cannot read "${p}": no such file or folder. Nothing was uploaded.`);
          if (st.isDirectory() && existsSync(path.join(p, MANIFEST_NAME))) backups.push(p);
          else plain.push(p);
        }
        let code: number = EXIT.ok;
        if (plain.length) code = await uploadFiles(run, plain, opts);
        for (const dir of backups) code = Math.max(code, await restoreDirectory(run, dir, folder, opts));
        return code;
      }),
    );

  program
    .command('download <paths...>')
    .description(`download files, or folders with a ${MANIFEST_NAME} of every file's fields (a backup that "upload" restores)`)
    .requiredOption('--to <dir>', 'local folder to write into (created if missing)')
    .option('--versions', 'folders: also every older version, for a restore with history')
    .action(
      action(io, setExit, 'download', async ({ ctx, out, globals }: RunContext, rawPaths: string[], opts: { to: string; versions?: boolean }) => {
        const libraryPaths = rawPaths.map((p) => normalizeLibraryPath(p));
        const profile = await ctx.profile(globals.profile);
        const access = await ctx.access(profile.id);
        const reader = new LibraryReader(access.client, DEFAULT_RETRY);
        const resolved = [];
        for (const p of libraryPaths) {
          // Every path is checked before anything is written.
          resolved.push(await reader.resolve(p).catch((error: Error) => Promise.reject(new CliError(error.message, EXIT.notFound, 'NOT_FOUND'))));
        }
        await mkdir(opts.to, { recursive: true });
        const results: unknown[] = [];
        for (const [i, item] of resolved.entries()) {
          const libraryPath = libraryPaths[i];
          if (item.kind === 'file') {
            const dest = path.join(opts.to, item.file.name ?? baseName(libraryPath));
            const digest = await downloadToFile(originalUrl(access.client, access.urlEndpoint, { filePath: libraryPath, versionId: item.file.versionInfo?.id ?? '', isCurrent: true, isPrivateFile: item.file.isPrivateFile === true, updatedAt: item.file.updatedAt ?? null }), dest, { retry: DEFAULT_RETRY });
            out.line(`${libraryPath} → ${dest} (${formatBytes(digest.size)})`);
            results.push({ path: libraryPath, file: dest, size: digest.size, sha256: digest.sha256 });
            continue;
          }
          const directory = libraryPath === '/' ? path.resolve(opts.to) : path.resolve(opts.to, baseName(libraryPath));
          const bar = out.bar('{bar} {percentage}% | {value}/{total} | {files} files', 1, formatBytes);
          const result = await backupTree({
            source: access,
            profileName: profile.name,
            path: libraryPath,
            directory,
            versions: opts.versions === true,
            cache: ctx.transfers().cache,
            retry: DEFAULT_RETRY,
            onProgress: (p) => {
              bar.setTotal(p.totalBytes || 1);
              bar.update(p.bytes, { files: `${p.files}/${p.totalFiles}` });
            },
          });
          bar.stop();
          out.line(`${libraryPath} → ${directory}: ${result.manifest.files.length} file(s), ${result.downloaded} downloaded, ${result.unchanged} already there, manifest ${MANIFEST_NAME}.`);
          results.push({ path: libraryPath, directory, files: result.manifest.files.length, downloaded: result.downloaded, unchanged: result.unchanged, bytes: result.bytes });
        }
        out.data(results);
      }),
    );
}
