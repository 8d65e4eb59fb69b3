import type { Command } from 'commander';
import type { File as IkFile, Folder as IkFolder } from '@imagekit/nodejs/resources/files/files';
import { checkPurgeList } from '../../shared/purge/purge-rules';
import { toBatches } from '../../shared/purge/batches';
import { checkTransformation } from '../../electron/services/url-builder/transformation-check';
import { createUrlService } from '../../electron/services/url-building/url-service';
import { deliveryUrlOf } from '../../electron/services/library/delivery-url';
import { isFolderEntry, LibraryReader } from '../../electron/services/transfer/library-reader';
import { apiFolder, normalizeLibraryPath } from '../../electron/services/transfer/paths';
import { DEFAULT_RETRY } from '../../electron/services/upload-queue/retry-policy';
import { CliError, EXIT, UsageError } from '../errors';
import { formatBytes } from '../output';
import { action, type CliEnvironment, type RunContext } from '../runner';

const PAGE = 1000;

function positiveInt(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a whole number greater than 0, not "${raw}".`);
  return n;
}

function row(entry: IkFile | IkFolder, showPath: boolean): string[] {
  if (isFolderEntry(entry)) return ['folder', `${showPath ? entry.folderPath : entry.name}/`, '', (entry.updatedAt ?? '').slice(0, 19).replace('T', ' '), ''];
  return [
    entry.fileType ?? 'file',
    showPath ? (entry.filePath ?? '') : (entry.name ?? ''),
    formatBytes(entry.size ?? 0),
    (entry.updatedAt ?? '').slice(0, 19).replace('T', ' '),
    [entry.isPrivateFile ? 'private' : '', (entry.tags ?? []).join(',')].filter(Boolean).join(' '),
  ];
}

/** `ls`, `url`, `purge`: reading the library, building delivery URLs, purging the CDN cache. */
export function registerLibrary(program: Command, io: CliEnvironment, setExit: (code: number) => void): void {
  program
    .command('ls [path]')
    .description('list a folder (default /), or search with an ImageKit searchQuery')
    .option('--search <query>', 'ImageKit searchQuery, e.g. \'tags IN ["sale"] AND size > "1mb"\' (in PATH when given, else the whole library)')
    .option('--limit <n>', 'show at most this many entries', '10000')
    .action(
      action(io, setExit, 'list the library', async ({ ctx, out, globals }: RunContext, rawPath: string | undefined, opts: { search?: string; limit: string }) => {
        const limit = positiveInt(opts.limit, '--limit');
        const folder = normalizeLibraryPath(rawPath ?? '/');
        const profile = await ctx.profile(globals.profile);
        const client = (await ctx.client(profile.id)).withOptions({ maxRetries: 0 });
        const reader = new LibraryReader(client, DEFAULT_RETRY);
        const search = opts.search?.trim();
        if (opts.search !== undefined && !search) throw new UsageError('--search needs a query, e.g. --search \'name : "photo"\'.');
        let entries: (IkFile | IkFolder)[] = [];
        if (!search) {
          const resolved = await reader.resolve(folder).catch((error: Error) => {
            throw new CliError(error.message, EXIT.notFound, 'NOT_FOUND');
          });
          entries = resolved.kind === 'file' ? [resolved.file] : (await reader.listFolder(folder)).slice(0, limit);
        } else {
          if (rawPath && !(await reader.folderExists(folder))) throw new CliError(`There is no folder ${folder} in "${profile.name}".`, EXIT.notFound, 'NOT_FOUND');
          for (let skip = 0; entries.length < limit; skip += PAGE) {
            const page = await client.assets.list({ searchQuery: search, ...(rawPath ? { path: apiFolder(folder) } : {}), limit: Math.min(PAGE, limit - entries.length), skip });
            entries.push(...page);
            if (page.length < PAGE) break;
          }
        }
        out.table(['Type', search ? 'Path' : 'Name', 'Size', 'Updated (UTC)', 'Flags / tags'], entries.map((e) => row(e, Boolean(search))), { alignRight: [2] });
        const files = entries.filter((e) => !isFolderEntry(e)).length;
        out.line(`${files} file(s), ${entries.length - files} folder(s) in "${profile.name}"${search ? ` matching ${search}` : ` at ${folder}`}.`);
        out.data(entries);
      }),
    );

  program
    .command('url <path>')
    .description('the delivery URL of a file, optionally with a transformation and signed')
    .option('--tr <transformation>', 'ImageKit transformation, e.g. w-400,h-300:rt-90')
    .option('--signed', 'sign the URL with the profile\'s private key (private files need it)')
    .option('--expires <seconds>', 'with --signed: seconds until the URL stops working')
    .action(
      action(io, setExit, 'build the URL', async ({ ctx, out, globals }: RunContext, rawPath: string, opts: { tr?: string; signed?: boolean; expires?: string }) => {
        const filePath = normalizeLibraryPath(rawPath);
        if (filePath === '/') throw new UsageError('Give the path of a file, e.g. /folder/photo.jpg.');
        if (opts.expires !== undefined && !opts.signed) throw new UsageError('--expires only applies to signed URLs; add --signed.');
        const expiresIn = opts.expires === undefined ? undefined : positiveInt(opts.expires, '--expires');
        const tr = opts.tr?.trim();
        if (tr) {
          const problems = checkTransformation(tr).problems;
          if (problems.length) throw new UsageError(`The transformation "${tr}" is not valid: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`);
        }
        const profile = await ctx.profile(globals.profile);
        const connection = await ctx.profiles.connectionOf(profile.id);
        const urls = createUrlService({ privateKeyFor: async () => connection.privateKey || undefined });
        const url = await urls.build(profile.id, {
          urlEndpoint: connection.urlEndpoint,
          src: filePath,
          ...(tr ? { transformation: [{ raw: tr }] } : {}),
          ...(opts.signed ? { signed: true } : {}),
          ...(expiresIn ? { expiresIn } : {}),
        });
        out.line(url);
        out.data({ url, profile: profile.name, path: filePath, signed: opts.signed === true, expiresIn: expiresIn ?? null });
      }),
    );

  program
    .command('purge <urls...>')
    .description('purge URLs (or /library/paths of the profile) from the CDN cache, checked against ImageKit\'s purge rules before anything is sent')
    .option('--wait', 'wait until ImageKit reports each purge completed')
    .action(
      action(io, setExit, 'purge the URLs', async ({ ctx, out, globals }: RunContext, urls: string[], opts: { wait?: boolean }) => {
        const profile = await ctx.profile(globals.profile);
        const connection = await ctx.profiles.connectionOf(profile.id);
        // A library path stands for its delivery URL on this profile (the Local library's port changes between runs).
        const asUrls = urls.map((u) => (u.startsWith('/') ? deliveryUrlOf(connection.urlEndpoint, normalizeLibraryPath(u)) : u));
        const checked = checkPurgeList(asUrls, connection.urlEndpoint);
        if (checked.refused.length) throw new UsageError(`Nothing was purged; fix these URLs first:\n${checked.refused.map((r) => `  ${r.url || '(empty)'}: ${r.reason}`).join('\n')}`);
        const client = await ctx.client(profile.id);
        const results: { url: string; requestId: string; status: string }[] = [];
        for (const batch of toBatches(checked.valid)) {
          for (const url of batch) {
            const { requestId } = await client.cache.invalidation.create({ url });
            results.push({ url, requestId: requestId ?? '', status: 'Pending' });
          }
        }
        if (opts.wait) {
          const deadline = Date.now() + 120_000;
          for (const r of results) {
            while (r.status !== 'Completed' && Date.now() < deadline) {
              r.status = (await client.cache.invalidation.get(r.requestId)).status ?? 'Pending';
              if (r.status !== 'Completed') await new Promise((resolve) => setTimeout(resolve, 500));
            }
          }
        }
        out.table(['URL', 'Request id', 'Status'], results.map((r) => [r.url, r.requestId, r.status]));
        out.data(results);
        return opts.wait && results.some((r) => r.status !== 'Completed') ? EXIT.unreachable : EXIT.ok;
      }),
    );
}
