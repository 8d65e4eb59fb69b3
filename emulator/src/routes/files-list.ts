import { z } from 'zod';
import type { RouteModule } from '../context.js';
import { parseBody } from '../http/body.js';
import { toFileDetails, toFolderDetails } from '../model/file-details.js';
import type { FileRecord, FolderRecord } from '../model/file-record.js';
import { normalizeFolderPath, parentFolder } from '../model/paths.js';
import { compileSearchQuery, type SearchTarget } from '../search/index.js';
import { internalsOf } from '../server-internals.js';
import { listActiveFields } from '../store/custom-fields-repo.js';
import type { Library } from '../store/library.js';
import { compareTargets, SORTS, type Sort } from './list-sort.js';

const querySchema = z.object({
  type: z.enum(['file', 'file-version', 'folder', 'all']).default('file'),
  sort: z.enum(SORTS).default('ASC_CREATED'),
  path: z.string().optional(),
  fileType: z.enum(['all', 'image', 'non-image']).default('all'),
  limit: z.coerce.number().int('must be a whole number').min(1).max(1000).default(1000),
  skip: z.coerce.number().int('must be a whole number').min(0).default(0),
  searchQuery: z.string().optional(),
  tags: z.string().optional(),
  name: z.string().optional(),
});
type ListQuery = z.infer<typeof querySchema>;

/** List & search assets: `GET /v1/files`, answered from the in-memory index. */
export const listRoutes: RouteModule = (app, ctx) => {
  app.get('/v1/files', async (request) => {
    const query = parseBody(querySchema, request.query);
    const { library } = internalsOf(ctx);
    const folderPath = query.path === undefined || query.path === '' ? undefined : normalizeFolderPath(query.path, 'path');
    const page = listTargets(library, query, folderPath, (q) =>
      compileSearchQuery(q, { now: new Date(), customMetadataFields: listActiveFields(ctx.db) }),
    );
    return page.map((t) => (t.kind === 'file' ? toFileDetails(t.record, ctx.config.urlEndpoint) : toFolderDetails(t.record)));
  });
};

type Compile = (q: string) => { matches(t: SearchTarget): boolean; referencesType: boolean };

function listTargets(library: Library, query: ListQuery, folderPath: string | undefined, compile: Compile): SearchTarget[] {
  const fileOk = (r: FileRecord) =>
    (folderPath === undefined || r.folderPath === folderPath) && (query.fileType === 'all' || r.fileType === query.fileType);
  const folderOk = (f: FolderRecord) => folderPath === undefined || parentFolder(f.folderPath) === folderPath;

  let candidates: Iterable<SearchTarget>;
  // True when candidates come in creation order (current files only): pages can stop early.
  let ordered = false;
  let filter: (t: SearchTarget) => boolean;
  if (query.searchQuery !== undefined && query.searchQuery.trim() !== '') {
    const compiled = compile(query.searchQuery);
    // File types restrict files; folders have no file type, so a fileType filter excludes them.
    const withFolders = query.fileType === 'all';
    candidates = chain(
      files(library.currentFiles()),
      compiled.referencesType ? files(library.nonCurrentVersions()) : [],
      withFolders ? folders(library.allFolders()) : [],
    );
    filter = (t) => (t.kind === 'file' ? fileOk(t.record) : folderOk(t.record)) && compiled.matches(t);
  } else {
    const wantFiles = query.type === 'file' || query.type === 'all';
    const wantVersions = query.type === 'file-version';
    const wantFolders = (query.type === 'folder' || query.type === 'all') && query.fileType === 'all';
    const tags = query.tags?.split(',').map((t) => t.trim()).filter(Boolean);
    const legacyOk = (r: FileRecord) =>
      (query.name === undefined || r.name === query.name) &&
      (!tags || tags.some((t) => r.tags?.includes(t) || r.aiTags?.some((a) => a.name === t)));
    ordered = wantFiles && !wantFolders;
    candidates = chain(
      wantFolders ? folders(library.allFolders()) : [],
      wantFiles ? files(library.currentFiles()) : [],
      wantVersions ? files(library.nonCurrentVersions()) : [],
    );
    filter = (t) =>
      t.kind === 'file'
        ? fileOk(t.record) && legacyOk(t.record)
        : folderOk(t.record) && (query.name === undefined || t.record.name === query.name) && !tags;
  }
  return page(candidates, ordered, filter, query.sort, query.skip, query.limit);
}

/** Current files are kept in creation order, so their ASC_CREATED pages stop early instead of sorting everything. */
function page(
  candidates: Iterable<SearchTarget>,
  ordered: boolean,
  filter: (t: SearchTarget) => boolean,
  sort: Sort,
  skip: number,
  limit: number,
): SearchTarget[] {
  if (ordered && (sort === 'ASC_CREATED' || sort === 'ASC_RELEVANCE' || sort === 'DESC_RELEVANCE')) {
    const out: SearchTarget[] = [];
    let skipped = 0;
    for (const t of candidates) {
      if (!filter(t)) continue;
      if (skipped < skip) skipped++;
      else if (out.push(t) >= limit) break;
    }
    return out;
  }
  const all: SearchTarget[] = [];
  for (const t of candidates) if (filter(t)) all.push(t);
  return all.sort(compareTargets(sort)).slice(skip, skip + limit);
}

function* files(records: Iterable<FileRecord>): Generator<SearchTarget> {
  for (const record of records) yield { kind: 'file', record };
}
function* folders(records: Iterable<FolderRecord>): Generator<SearchTarget> {
  for (const record of records) yield { kind: 'folder', record };
}
function* chain<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const p of parts) yield* p;
}
