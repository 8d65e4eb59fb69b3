import type { FastifyInstance } from 'fastify';
import type { FileRecord, FolderRecord } from './model/file-record.js';
import type { Db } from './store/db.js';

/** Fixed facts of one running emulator. */
export interface EmulatorConfig {
  /** URL-endpoint id: files are delivered under `/<id>/…`. */
  id: string;
  privateKey: string;
  publicKey: string;
  dataDir: string;
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  apiUrl: string;
  /** e.g. `http://127.0.0.1:41234/local` (no trailing slash). */
  urlEndpoint: string;
}

/**
 * Read access to the library that the delivery side and metadata tools need.
 * Implemented by the storage layer; never exposes a row whose blob is missing.
 */
export interface LibraryReader {
  /** Current version of the file at `filePath` (`/a/b.jpg`), if any. */
  currentByPath(filePath: string): FileRecord | undefined;
  /** Current version by file id. */
  currentById(fileId: string): FileRecord | undefined;
  /** A specific version (current or not). */
  version(fileId: string, versionId: string): FileRecord | undefined;
  /** Every current file directly inside `folderPath` (`/a/`), or also in sub-folders when `recursive`. */
  filesIn(folderPath: string, recursive: boolean): FileRecord[];
  folder(folderPath: string): FolderRecord | undefined;
  /** Absolute path of a blob's bytes on disk. */
  blobPath(blobHash: string): string;
  /** Calls `listener` after each committed change (e.g. to render thumbnails of new uploads ahead); returns the unsubscribe. */
  onChange?(listener: (event: LibraryEvent) => void): () => void;
}

/** What one committed library change did, as observers need it. */
export interface LibraryEvent {
  /** Current versions with new bytes: new files, and overwrites or restores that changed a file's content. */
  fresh: FileRecord[];
  /** Every file id the change touched (moved, renamed, overwritten, deleted…). */
  touched: string[];
}

/**
 * What the delivery side (URL endpoint, render cache) offers the API side.
 * Until the delivery module is registered these are the defaults in `server.ts`:
 * purge only records the request, and a pre-transformation is refused with a clear 400.
 */
export interface DeliveryHooks {
  /** Drop cached renders matching an ImageKit purge URL (wildcard `*` allowed where ImageKit allows it). */
  purge(url: string): Promise<void>;
  /** Apply an upload `transformation.pre` string (e.g. `w-300,h-300`) to the bytes being stored. */
  preTransform(input: Buffer, transformation: string): Promise<{ data: Buffer; mime?: string }>;
}

export interface EmulatorContext {
  config: EmulatorConfig;
  library: LibraryReader;
  delivery: DeliveryHooks;
  /** The library's SQLite handle (libsql, better-sqlite3 API) for modules keeping their own tables. */
  db: Db;
}

/**
 * Each `routes/*.ts` (and the delivery module) exports one of these; `server.ts` registers them all,
 * passing what the module declares it needs: the public context, or the core (`RouteModule<EmulatorCore>`
 * from `core.ts`, which adds the writable library and what the running server owns).
 */
export type RouteModule<C extends EmulatorContext = EmulatorContext> = (app: FastifyInstance, ctx: C) => void | Promise<void>;
