import { z } from 'zod';
import type { RouteModule } from '../context.js';
import type { EmulatorCore } from '../core.js';
import { parseBody } from '../http/body.js';
import { toFileDetails, toFolderDetails } from '../model/file-details.js';
import type { FileRecord, FolderRecord } from '../model/file-record.js';
import { normalizeFolderPath, parentFolder } from '../model/paths.js';
import { compileSearchQuery, type SearchNode, type SearchTarget } from '../search/index.js';
import { createdAtFloor, firstFrom, sortedByCreation } from '../search/created-floor.js';
import { listActiveFields } from '../store/custom-fields-repo.js';
import type { Library } from '../store/library.js';
import { LIST_SORTS, type ListSort } from '../../../shared/imagekit/list-sorts.js';
import { compareTargets } from './list-sort.js';

const querySchema = z.object({
  type: z.enum(['file', 'file-version', 'folder', 'all']).default('file'),
  sort: z.enum(LIST_SORTS).default('ASC_CREATED'),
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
export const listRoutes: RouteModule<EmulatorCore> = (app, core) => {
  app.get('/v1/files', async (request) => {
    const query = parseBody(querySchema, request.query);
    const { library } = core;
    const folderPath = query.path === undefined || query.path === '' ? undefined : normalizeFolderPath(query.path, 'path');
    const page = listTargets(library, query, folderPath, (q) => {
      const now = new Date();
      return { ...compileSearchQuery(q, { now, customMetadataFields: listActiveFields(core.db) }), now };
    });
    return page.map((t) => (t.kind === 'file' ? toFileDetails(t.record, core.config.urlEndpoint) : toFolderDetails(t.record)));
  });
};

type Compile = (q: string) => { matches(t: SearchTarget): boolean; referencesType: boolean; ast: SearchNode; now: Date };

/** Whether each cached creation-order array (Library.currentTargets) is also in createdAt order. */
const creationSorted = new WeakMap<readonly SearchTarget[], boolean>();

/** Where a search may start in creation order: files older than a top-level `createdAt >` floor cannot match. */
function searchStart(ordered: readonly SearchTarget[], ast: SearchNode, now: Date): number {
  const floor = createdAtFloor(ast, now);
  if (!floor) return 0;
  let sorted = creationSorted.get(ordered);
  if (sorted === undefined) creationSorted.set(ordered, (sorted = sortedByCreation(ordered)));
  return sorted ? firstFrom(ordered, floor) : 0;
}

function listTargets(library: Library, query: ListQuery, folderPath: string | undefined, compile: Compile): SearchTarget[] {
  const fileOk = (r: FileRecord) =>
    (folderPath === undefined || r.folderPath === folderPath) && (query.fileType === 'all' || r.fileType === query.fileType);
  const folderOk = (f: FolderRecord) => folderPath === undefined || parentFolder(f.folderPath) === folderPath;

  // Current files come in creation order (`ordered`); folders and old versions (`others`) do not.
  let ordered: readonly SearchTarget[] = [];
  let others: Iterable<SearchTarget> = [];
  let filter: (t: SearchTarget) => boolean;
  let everyFile = false;
  let start = 0;
  if (query.searchQuery !== undefined && query.searchQuery.trim() !== '') {
    const compiled = compile(query.searchQuery);
    // File types restrict files; folders have no file type, so a fileType filter excludes them.
    const withFolders = query.fileType === 'all';
    ordered = library.currentTargets();
    start = searchStart(ordered, compiled.ast, compiled.now);
    others = chain(compiled.referencesType ? files(library.nonCurrentVersions()) : [], withFolders ? folders(library.allFolders()) : []);
    filter = (t) => (t.kind === 'file' ? fileOk(t.record) : folderOk(t.record)) && compiled.matches(t);
  } else {
    const wantFolders = (query.type === 'folder' || query.type === 'all') && query.fileType === 'all';
    const tags = query.tags?.split(',').map((t) => t.trim()).filter(Boolean);
    const legacyOk = (r: FileRecord) =>
      (query.name === undefined || r.name === query.name) &&
      (!tags || tags.some((t) => r.tags?.includes(t) || r.aiTags?.some((a) => a.name === t)));
    if (query.type === 'file' || query.type === 'all') ordered = library.currentTargets();
    others = chain(wantFolders ? folders(library.allFolders()) : [], query.type === 'file-version' ? files(library.nonCurrentVersions()) : []);
    filter = (t) =>
      t.kind === 'file'
        ? fileOk(t.record) && legacyOk(t.record)
        : folderOk(t.record) && (query.name === undefined || t.record.name === query.name) && !tags;
    // A plain listing of every file: the page is a slice, however deep.
    if (folderPath === undefined && query.fileType === 'all' && query.name === undefined && !tags) everyFile = true;
  }
  return page(ordered, start, others, everyFile ? undefined : filter, filter, query.sort, query.skip, query.limit);
}

/**
 * One page of matches. For creation order (the default) only the first `skip + limit` matching
 * current files are needed: they are merged with the (few) other matches instead of sorting the
 * whole library.
 */
function page(
  ordered: readonly SearchTarget[],
  start: number,
  others: Iterable<SearchTarget>,
  orderedFilter: ((t: SearchTarget) => boolean) | undefined,
  filter: (t: SearchTarget) => boolean,
  sort: ListSort,
  skip: number,
  limit: number,
): SearchTarget[] {
  const compare = compareTargets(sort);
  const rest: SearchTarget[] = [];
  for (const t of others) if (filter(t)) rest.push(t);
  if (sort === 'ASC_CREATED' || sort === 'ASC_RELEVANCE' || sort === 'DESC_RELEVANCE') {
    if (!orderedFilter && rest.length === 0) return ordered.slice(skip, skip + limit);
    let head: SearchTarget[];
    if (!orderedFilter) head = ordered.slice(0, skip + limit);
    else {
      head = [];
      for (let i = start; i < ordered.length; i++) if (orderedFilter(ordered[i]) && head.push(ordered[i]) >= skip + limit) break;
    }
    // Nothing else to merge (type=file): the page is the tail of the head, no copy of the skipped part.
    if (rest.length === 0) return head.slice(skip, skip + limit);
    return mergeSorted(head, rest.sort(compare), compare).slice(skip, skip + limit);
  }
  for (let i = start; i < ordered.length; i++) if (!orderedFilter || orderedFilter(ordered[i])) rest.push(ordered[i]);
  return rest.sort(compare).slice(skip, skip + limit);
}

/** Merge of two sorted lists; on ties `b` (folders) comes first, as folders are created before their files. */
function mergeSorted<T>(a: T[], b: T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compare(b[j], a[i]) <= 0 ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
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
