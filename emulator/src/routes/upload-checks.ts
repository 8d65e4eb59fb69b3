import { badRequest } from '../http/errors.js';

const INVALID = 'Your request contains invalid syntax for the checks parameter.';
const FAILED = "Your request failed 'checks' validation.";

export interface CheckSubject {
  request: Record<string, unknown>;
  file: { size: number; mime: string };
}

type Cond = { key: string; op: string; value: string | number | boolean };

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
// `"key" op value`, value quoted, numeric (optionally with a size unit) or boolean.
const COND = /^\s*"([A-Za-z0-9_.-]+)"\s*(<=|>=|=|:|<|>)\s*("(?:[^"\\]|\\.)*"|'[^']*'|true|false|-?\d+(?:\.\d+)?(?:b|kb|mb|gb)?)\s*/i;

/**
 * Upload `checks` (grammar undocumented by ImageKit): conditions `"request.<field>"` or
 * `"file.size"` / `"file.mime"` compared with `=` (equal), `:` (starts with, like search),
 * `<`, `<=`, `>`, `>=`, joined by AND / OR (AND binds tighter). Failing checks reject the upload.
 */
export function enforceChecks(checks: string, subject: CheckSubject): void {
  const groups: Cond[][] = [[]];
  let rest = checks;
  for (;;) {
    const m = COND.exec(rest);
    if (!m) throw badRequest(INVALID);
    groups[groups.length - 1].push({ key: m[1], op: m[2], value: literal(m[3]) });
    rest = rest.slice(m[0].length);
    if (rest.trim() === '') break;
    const join = /^(AND|OR)\s+/i.exec(rest);
    if (!join) throw badRequest(INVALID);
    if (join[1].toUpperCase() === 'OR') groups.push([]);
    rest = rest.slice(join[0].length);
  }
  if (!groups.some((g) => g.every((c) => holds(c, subject)))) throw badRequest(FAILED);
}

function literal(raw: string): string | number | boolean {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1);
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  const m = /^(-?\d+(?:\.\d+)?)(b|kb|mb|gb)?$/i.exec(raw);
  return m ? Number(m[1]) * (SIZE_UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1) : raw;
}

function lookup(key: string, subject: CheckSubject): unknown {
  let cur: unknown = subject;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function holds(c: Cond, subject: CheckSubject): boolean {
  if (!c.key.startsWith('request.') && !c.key.startsWith('file.')) throw badRequest(INVALID);
  let actual = lookup(c.key, subject);
  let expected = c.value;
  if (c.key === 'file.size' && typeof expected === 'string') expected = literal(expected);
  if (Array.isArray(actual)) return c.op === ':' || c.op === '=' ? actual.includes(expected) : false;
  if (typeof actual === 'string' && typeof expected === 'string' && c.key === 'request.folder') {
    actual = actual.replace(/^\/+/, '');
    expected = expected.replace(/^\/+/, '');
  }
  switch (c.op) {
    case '=':
      return actual === expected;
    case ':':
      return typeof actual === 'string' && typeof expected === 'string' ? actual.startsWith(expected) : actual === expected;
    case '<':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case '<=':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    case '>':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    default:
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
  }
}
