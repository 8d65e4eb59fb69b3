import type { Condition, Operator, SearchNode } from './ast.js';
import { BUILTIN_FIELDS, type FieldSpec } from './builtin-fields.js';
import { customMetadataField, embeddedMetadataField, OPERATORS_BY_CUSTOM_TYPE } from './metadata-fields.js';
import { negate } from './predicates.js';
import { queryError, show } from './query-error.js';
import type { Clause, CompileContext, Predicate, Test } from './target.js';

/** A custom metadata field definition, as the custom-metadata-fields API stores it. */
export interface CustomFieldSchema {
  name: string;
  schema: { type: string };
}

export interface CompileOptions extends CompileContext {
  /**
   * Known custom metadata fields. When given, a condition on one of them is limited to the operators
   * of its type (e.g. a Boolean field takes only `=`); unknown names stay permitted and simply match
   * what is stored.
   */
  customMetadataFields?: readonly CustomFieldSchema[];
}

const CUSTOM_PREFIX = 'customMetadata.';
const EMBEDDED_PREFIX = 'embeddedMetadata.';

const TESTS: Record<Operator, { test: Test; negated: boolean }> = {
  '=': { test: 'eq', negated: false },
  IN: { test: 'eq', negated: false },
  'NOT =': { test: 'eq', negated: true },
  'NOT IN': { test: 'eq', negated: true },
  ':': { test: 'prefix', negated: false },
  '<': { test: 'lt', negated: false },
  '<=': { test: 'le', negated: false },
  '>': { test: 'gt', negated: false },
  '>=': { test: 'ge', negated: false },
  HAS: { test: 'has', negated: false },
  EXISTS: { test: 'exists', negated: false },
  'NOT EXISTS': { test: 'exists', negated: true },
};

export function compileNode(node: SearchNode, opts: CompileOptions): Predicate {
  if (node.kind === 'condition') return compileCondition(node, opts);
  const parts = node.operands.map((n) => compileNode(n, opts));
  if (node.kind === 'and') {
    if (parts.length === 2) {
      const [a, b] = parts;
      return (t) => a(t) && b(t);
    }
    return (t) => parts.every((p) => p(t));
  }
  if (parts.length === 2) {
    const [a, b] = parts;
    return (t) => a(t) || b(t);
  }
  return (t) => parts.some((p) => p(t));
}

function compileCondition(cond: Condition, opts: CompileOptions): Predicate {
  const spec = resolveField(cond, opts);
  if (!spec.operators.includes(cond.operator)) {
    throw queryError(
      `operator "${cond.operator}" is not supported for field ${show(cond.field.name)} (supported: ${spec.operators.join(', ')})`,
      cond.operatorPosition,
    );
  }
  const { test, negated } = TESTS[cond.operator];
  const literals = 'value' in cond ? [cond.value] : 'values' in cond ? cond.values : [];
  const clause: Clause = { field: cond.field.name, operator: cond.operator, test, literals, operatorPosition: cond.operatorPosition };
  const positive = spec.compile(clause, opts);
  return negated ? negate(positive) : positive;
}

function resolveField(cond: Condition, opts: CompileOptions): FieldSpec {
  const { name, quoted, position } = cond.field;
  for (const prefix of [CUSTOM_PREFIX, EMBEDDED_PREFIX]) {
    if (!name.startsWith(prefix)) continue;
    if (!quoted) throw queryError(`the field ${show(name)} must be enclosed in double quotes, like "${name}"`, position);
    const key = name.slice(prefix.length);
    if (key.length === 0) throw queryError(`${show(name)} needs a field name after the dot`, position);
    if (prefix === EMBEDDED_PREFIX) return embeddedMetadataField(key);
    const schemaType = opts.customMetadataFields?.find((f) => f.name === key)?.schema.type;
    const byType = schemaType ? OPERATORS_BY_CUSTOM_TYPE[schemaType] : undefined;
    return customMetadataField(key, byType);
  }
  if (Object.hasOwn(BUILTIN_FIELDS, name)) return BUILTIN_FIELDS[name];
  throw queryError(`unknown field ${show(name)}${suggestion(name)}`, position);
}

const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');

function suggestion(name: string): string {
  const wanted = squash(name);
  const builtin = Object.keys(BUILTIN_FIELDS).find((f) => squash(f) === wanted);
  if (builtin) return ` (did you mean "${builtin}"?)`;
  for (const prefix of [CUSTOM_PREFIX, EMBEDDED_PREFIX]) {
    if (name.toLowerCase().startsWith(prefix.toLowerCase())) return ` (did you mean "${prefix}${name.slice(prefix.length)}"?)`;
  }
  return ` (fields: ${Object.keys(BUILTIN_FIELDS).join(', ')}, "customMetadata.<name>", "embeddedMetadata.<key>")`;
}
