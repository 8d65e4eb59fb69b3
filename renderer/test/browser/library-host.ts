import { createRouter, type Handlers } from '../../../shared/ipc/router';
import { AppError } from '../../../shared/ipc/result';
import type { ApiBridge } from '../../../shared/ipc/wire';
import type { FileSummary } from '../../../shared/domain/library';
import { LOCAL } from '../support/in-memory-host';
import { parseSearchQuery } from '../../../emulator/src/search/index';

/**
 * A main side for the browser's component tests: the real contract router in front of a small
 * in-memory library. searchQuery text goes through the emulator's own parser, so a bad query fails
 * with the very 400 message the Local library would send. Channels outside the library answer
 * UNKNOWN_CHANNEL.
 */
export interface LibraryHost {
  bridge: ApiBridge;
  calls: { channel: string; input: unknown }[];
  problems: string[];
}


export function summary(name: string, folder = '/'): FileSummary {
  const filePath = `${folder === '/' ? '' : folder}/${name}`;
  return {
    fileId: `id-${filePath}`,
    name,
    filePath,
    url: `${LOCAL.urlEndpoint}${filePath}`,
    fileType: 'image',
    mime: 'image/png',
    size: 1000,
    width: 10,
    height: 10,
    isPrivateFile: false,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export interface LibraryHostOptions {
  /** Which host the page believes it runs in: the desktop app saves through the main process. */
  host?: 'web' | 'electron';
  /** What the desktop folder dialog answers (null: cancelled). */
  pickedDirectory?: string | null;
}

export function createLibraryHost(files: FileSummary[], options: LibraryHostOptions = {}): LibraryHost {
  const calls: LibraryHost['calls'] = [];
  const problems: string[] = [];
  const inFolder = (folderPath: string) => files.filter((f) => f.filePath.slice(0, f.filePath.lastIndexOf('/') || 1) === folderPath);
  const handlers: Partial<Handlers> = {
    'profiles.list': () => [LOCAL],
    'connection.status': () => ({ profileId: 'local', state: 'connected', message: 'Connected', checkedAt: null }),
    'app.info': () => ({ name: 'MediaDesk', version: '0', host: options.host ?? 'web', platform: 'linux', keychain: 'available', dataDir: '/tmp/x' }),
    'app.pickDirectory': () => ({ directory: options.pickedDirectory ?? null }),
    'library.saveOriginals': ({ fileIds, directory }) => ({ succeeded: fileIds, failed: [], directory: directory ?? '/home/me/Downloads' }),
    'library.folders': () => [],
    'library.recentSearches': () => [],
    'library.list': ({ folderPath, searchQuery, scope }) => {
      const pool = scope === 'library' ? files : inFolder(folderPath);
      if (!searchQuery?.trim()) return { items: pool, nextSkip: pool.length, hasMore: false };
      try {
        parseSearchQuery(searchQuery);
      } catch (error) {
        throw new AppError('IMAGEKIT_REJECTED', `Could not search: ${(error as Error).message}`);
      }
      // Only the shape of name : "prefix" is needed here; the emulator's tests cover the language.
      const prefix = /name\s*:\s*"([^"]*)"/.exec(searchQuery)?.[1] ?? '';
      const items = pool.filter((f) => f.name.startsWith(prefix));
      return { items, nextSkip: items.length, hasMore: false };
    },
    'library.file': ({ fileId }) => {
      const file = files.find((f) => f.fileId === fileId);
      if (!file) throw new AppError('NOT_FOUND', 'No such file.');
      return { ...file, type: 'file' };
    },
    // Stands in for the main side's signing (electron/test/library covers the real one against the emulator).
    'library.signedUrls': ({ items }) => ({
      items: items.map((item) => ({ ...item, url: `${LOCAL.urlEndpoint}${item.filePath}?tr=${item.transformation ?? ''}&ik-t=9999&ik-s=signed` })),
      expiresAt: new Date(9999 * 1000).toISOString(),
    }),
    'library.searchNames': ({ text, folderPath }) => {
      const pool = folderPath === undefined ? files : inFolder(folderPath);
      const items = pool.filter((f) => f.name.toLowerCase().includes(text.toLowerCase()));
      return { items, indexedFiles: pool.length, completeAt: null, stale: true, note: `Searched the ${pool.length} names MediaDesk has listed so far.` };
    },
  };
  const notHere = () => {
    throw new AppError('UNKNOWN_CHANNEL', 'Not served by the library test host.');
  };
  const router = createRouter(new Proxy(handlers, { get: (t, k: string) => (t as Record<string, unknown>)[k] ?? notHere }) as Handlers, {
    validateOutput: true,
    log: (message, error) => problems.push(`${message}: ${String(error)}`),
  });
  return {
    calls,
    problems,
    bridge: {
      async invoke(channel, input) {
        calls.push({ channel, input: structuredClone(input) });
        return structuredClone(await router.dispatch(channel, input, { transport: 'test' }));
      },
      on: () => () => undefined,
    },
  };
}
