import type { Operator } from './ast.js';
import { parseBoolean, parseDate, parseDuration, parseNumber, parseSize, type NumericRange } from './literals.js';
import { booleanPredicate, datePredicate, rangePredicate, stringPredicate } from './predicates.js';
import { queryError, show } from './query-error.js';
import { targetType, type Clause, type CompileContext, type Predicate, type SearchTarget } from './target.js';
import { hasMatcher } from './text-match.js';

/**
 * The documented built-in fields: which operators each takes (ImageKit's table, including the
 * 2026 additions HAS / EXISTS / path / id / createdBy / videoDuration) and how it reads a target.
 * Compilers return the positive predicate; `compile.ts` negates for NOT =, NOT IN, NOT EXISTS.
 */
export interface FieldSpec {
  operators: readonly Operator[];
  compile(clause: Clause, ctx: CompileContext): Predicate;
}

const RANGE_OPERATORS: readonly Operator[] = ['=', '<', '<=', '>', '>=', 'IN', 'NOT =', 'NOT IN'];
const EQUALITY_OPERATORS: readonly Operator[] = ['=', 'IN', 'NOT =', 'NOT IN'];

export const FORMATS = [
  'jpg', 'webp', 'png', 'gif', 'svg', 'avif', 'pdf', 'js', 'woff2', 'woff', 'ttf', 'otf', 'eot', 'css', 'txt',
  'mp4', 'webm', 'mov', 'swf', 'ts', 'm3u8', 'ico',
] as const;
const TYPES = ['file', 'file-version', 'folder'] as const;

const fileOf = (t: SearchTarget) => (t.kind === 'file' ? t.record : undefined);
const numberOrNaN = (v: number | null | undefined) => (typeof v === 'number' ? v : NaN);

function ranged(parse: (l: Clause['literals'][number], field: string, now: Date) => NumericRange, get: (t: SearchTarget) => number): FieldSpec {
  return {
    operators: RANGE_OPERATORS,
    compile: (c, ctx) => rangePredicate(c.test, get, c.literals.map((l) => parse(l, c.field, ctx.now))),
  };
}

function dated(get: (t: SearchTarget) => string): FieldSpec {
  return {
    operators: RANGE_OPERATORS,
    compile: (c, ctx) => datePredicate(c.test, get, c.literals.map((l) => parseDate(l, c.field, ctx.now))),
  };
}

function strings(operators: readonly Operator[], get: (t: SearchTarget) => string | null | undefined, normalise = (v: string) => v): FieldSpec {
  return {
    operators,
    compile: (c) => {
      if (c.test === 'has') requireWords(c);
      return stringPredicate(c.test, get, c.literals.map((l) => normalise(l.raw)));
    },
  };
}

function oneOf(allowed: readonly string[], operators: readonly Operator[], get: (t: SearchTarget) => string | null | undefined, lowerCase: boolean): FieldSpec {
  return {
    operators,
    compile: (c) => {
      const values = c.literals.map((l) => {
        const v = lowerCase ? l.raw.toLowerCase() : l.raw;
        if (!allowed.includes(v)) {
          throw queryError(`${show(l.raw)} is not a valid value for field ${show(c.field)} (allowed: ${allowed.join(', ')})`, l.position);
        }
        return v;
      });
      return stringPredicate('eq', get, values);
    },
  };
}

function flag(get: (t: SearchTarget) => boolean | undefined): FieldSpec {
  return { operators: ['='], compile: (c) => booleanPredicate(get, parseBoolean(c.literals[0], c.field)) };
}

export function requireWords(c: Clause): void {
  const literal = c.literals[0];
  if (!hasMatcher(literal.raw)) throw queryError(`HAS needs at least one letter or digit in ${show(literal.raw)}`, literal.position);
}

/** `/a/b` → `/a/b/`; `path` compares folder paths, which always end with `/`. */
export function normaliseFolderPath(raw: string): string {
  const inner = raw.split('/').filter((s) => s.length > 0).join('/');
  return inner ? `/${inner}/` : '/';
}

/** The folder a target sits in: a file's folder, or a folder's parent. */
function containingFolder(t: SearchTarget): string {
  if (t.kind === 'file') return t.record.folderPath;
  const path = t.record.folderPath;
  const cut = path.lastIndexOf('/', path.length - 2);
  return cut <= 0 ? '/' : path.slice(0, cut + 1);
}

const tagsField: FieldSpec = {
  operators: ['IN', 'NOT IN', 'HAS', 'EXISTS', 'NOT EXISTS'],
  compile: (c) => {
    if (c.test === 'exists') {
      return (t) => {
        const f = fileOf(t);
        return !!f && ((f.tags?.length ?? 0) > 0 || (f.aiTags?.length ?? 0) > 0);
      };
    }
    if (c.test === 'has') {
      requireWords(c);
      const match = hasMatcher(c.literals[0].raw)!;
      return (t) => {
        const f = fileOf(t);
        if (!f) return false;
        const texts = [...(f.tags ?? []), ...(f.aiTags ?? []).map((a) => a.name)];
        return texts.length > 0 && match(texts);
      };
    }
    const wanted = new Set(c.literals.map((l) => l.raw));
    return (t) => {
      const f = fileOf(t);
      if (!f) return false;
      if (f.tags) for (const tag of f.tags) if (wanted.has(tag)) return true;
      if (f.aiTags) for (const ai of f.aiTags) if (wanted.has(ai.name)) return true;
      return false;
    };
  },
};

export const BUILTIN_FIELDS: Record<string, FieldSpec> = {
  name: strings(['=', ':', 'IN', 'NOT =', 'NOT IN', 'HAS'], (t) => t.record.name),
  tags: tagsField,
  type: oneOf(TYPES, EQUALITY_OPERATORS, targetType, false),
  createdAt: dated((t) => t.record.createdAt),
  updatedAt: dated((t) => t.record.updatedAt),
  height: ranged(parseNumber, (t) => numberOrNaN(fileOf(t)?.height)),
  width: ranged(parseNumber, (t) => numberOrNaN(fileOf(t)?.width)),
  size: ranged(parseSize, (t) => numberOrNaN(fileOf(t)?.size)),
  videoDuration: ranged(parseDuration, (t) => numberOrNaN(fileOf(t)?.duration)),
  format: oneOf(FORMATS, ['=', 'IN'], (t) => fileOf(t)?.format, true),
  private: flag((t) => fileOf(t)?.isPrivateFile),
  published: flag((t) => fileOf(t)?.isPublished),
  transparency: flag((t) => fileOf(t)?.hasAlpha),
  id: strings(EQUALITY_OPERATORS, (t) => (t.kind === 'file' ? t.record.fileId : t.record.folderId)),
  createdBy: strings(EQUALITY_OPERATORS, (t) => fileOf(t)?.createdBy),
  path: strings(['=', ':', 'IN', 'NOT =', 'NOT IN'], containingFolder, normaliseFolderPath),
};
