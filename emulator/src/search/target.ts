import type { FileRecord, FolderRecord } from '../model/file-record.js';
import type { Literal, Operator } from './ast.js';

/** What a query is evaluated against: a file version (current or not) or a folder. */
export type SearchTarget = { kind: 'file'; record: FileRecord } | { kind: 'folder'; record: FolderRecord };

export type Predicate = (target: SearchTarget) => boolean;

/**
 * The positive test behind an operator: `NOT =`, `NOT IN` and `NOT EXISTS` are the negation of
 * `=`, `IN` and `EXISTS` (so a target without the field satisfies them, as Elasticsearch's
 * must_not does), and `=` is `IN` with one value.
 */
export type Test = 'eq' | 'prefix' | 'lt' | 'le' | 'gt' | 'ge' | 'has' | 'exists';

export interface Clause {
  field: string;
  operator: Operator;
  test: Test;
  /** The value(s); empty for EXISTS. */
  literals: Literal[];
  /** Where the operator starts, for errors about it. */
  operatorPosition: number;
}

export interface CompileContext {
  now: Date;
}

/** What the current file or version's `type` is; folders are `folder`. */
export function targetType(t: SearchTarget): 'file' | 'file-version' | 'folder' {
  if (t.kind === 'folder') return 'folder';
  return t.record.isCurrent ? 'file' : 'file-version';
}
