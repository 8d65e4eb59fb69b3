import type { SearchNode } from './ast.js';
import { compileNode, type CompileOptions } from './compile.js';
import { parseSearchQuery } from './parser.js';
import { targetType, type SearchTarget } from './target.js';

export type { SearchNode, Condition, BooleanNode, Literal, FieldRef, Operator } from './ast.js';
export type { SearchTarget, Predicate } from './target.js';
export type { CompileOptions, CustomFieldSchema } from './compile.js';
export { parseSearchQuery } from './parser.js';

export interface CompiledSearchQuery {
  /** True when the target satisfies the query. A plain closure: no parsing per call. */
  matches(target: SearchTarget): boolean;
  ast: SearchNode;
  /** Whether the query names the `type` field anywhere. */
  referencesType: boolean;
}

/**
 * Compiles an ImageKit `searchQuery` once. Throws `IkError` 400 (`Invalid search query: … at
 * position N`) for anything malformed: syntax, unknown fields, operators a field does not take,
 * values of the wrong form.
 *
 * Without a `type` condition a query never matches file versions: ImageKit's docs describe such
 * queries as returning "files & folders", and versions appear only when asked for with
 * `type = "file-version"` (or IN). Callers pass every candidate (current files, versions, folders).
 */
export function compileSearchQuery(query: string, opts: CompileOptions): CompiledSearchQuery {
  const ast = parseSearchQuery(query);
  const predicate = compileNode(ast, opts);
  const referencesType = mentionsField(ast, 'type');
  const matches = referencesType ? predicate : (t: SearchTarget) => targetType(t) !== 'file-version' && predicate(t);
  return { matches, ast, referencesType };
}

function mentionsField(node: SearchNode, field: string): boolean {
  return node.kind === 'condition' ? node.field.name === field : node.operands.some((n) => mentionsField(n, field));
}
