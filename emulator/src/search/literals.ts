import type { Literal } from './ast.js';
import { queryError, show } from './query-error.js';

/**
 * Turns literals into typed values for a field. Dates, sizes and durations become a comparison
 * point `at` plus a closed range `[start, end]`: `<`, `>=`, … compare with `at`, while `=` / `IN`
 * match anything in the range, so `createdAt = 2020-01-01` means "during that UTC day" and
 * `createdAt > 2020-01-01` "after 2020-01-01T00:00Z". Plain numbers are `at = start = end = n`.
 */
export interface NumericRange {
  at: number;
  start: number;
  end: number;
}

const EARLIEST = -8.64e15;
const MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const RELATIVE = /^(\d+)(h|d|w|m|y)$/;
const SIZE = /^(\d+(?:\.\d+)?)(b|kb|mb|gb|tb)$/i;
const DURATION = /^(\d+(?:\.\d+)?)(s|sec|m|min|h|hr)$/;

export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

/** A number literal; quoted digits count too (`height > "200"`). */
export function parseNumber(literal: Literal, field: string): NumericRange {
  if (!NUMBER.test(literal.raw)) throw queryError(`${show(literal.raw)} is not a number (field ${show(field)})`, literal.position);
  const n = Number(literal.raw);
  return { at: n, start: n, end: n };
}

/** Bytes: `1024`, `"1024"`, `"10kb"`, `"1.5mb"`; units are binary (1kb = 1024 bytes). */
export function parseSize(literal: Literal, field: string): NumericRange {
  if (NUMBER.test(literal.raw)) return parseNumber(literal, field);
  const m = SIZE.exec(literal.raw);
  if (!m) {
    throw queryError(`${show(literal.raw)} is not a size; use bytes (1024) or a number with b, kb, mb, gb or tb ("10kb", "1mb")`, literal.position);
  }
  const power = ['b', 'kb', 'mb', 'gb', 'tb'].indexOf(m[2].toLowerCase());
  const bytes = Number(m[1]) * 1024 ** power;
  return { at: bytes, start: bytes, end: bytes };
}

/** Seconds: bare number, or `30s`/`30sec`, `1.5m`/`1.5min`, `2h`/`2hr` as ImageKit documents. */
export function parseDuration(literal: Literal, field: string): NumericRange {
  if (NUMBER.test(literal.raw)) return parseNumber(literal, field);
  const m = DURATION.exec(literal.raw);
  if (!m) {
    throw queryError(`${show(literal.raw)} is not a duration; use seconds (90) or a number with sec, min or hr (also s, m, h), e.g. "1.5min"`, literal.position);
  }
  const unit = m[2][0] === 's' ? 1 : m[2][0] === 'm' ? 60 : 3600;
  const seconds = Number(m[1]) * unit;
  return { at: seconds, start: seconds, end: seconds };
}

export function parseBoolean(literal: Literal, field: string): boolean {
  if (literal.raw === 'true') return true;
  if (literal.raw === 'false') return false;
  throw queryError(`field ${show(field)} takes true or false, not ${show(literal.raw)}`, literal.position);
}

/** True when the text reads as a date the query language accepts (absolute or relative). */
export function looksLikeDate(text: string): boolean {
  return ISO_DATE.test(text) || ISO_DATE_TIME.test(text) || RELATIVE.test(text);
}

/**
 * Dates: `2020-01-01` (that UTC day), `2020-01-01T12:12:12` (UTC unless a zone is given; that second),
 * or relative `<n>h|d|w|m|y` = that long before `now` (months and years are calendar units).
 * A relative date's `=` range is the UTC hour (for `h`) or UTC day it falls in.
 */
export function parseDate(literal: Literal, field: string, now: Date): NumericRange {
  const text = literal.raw;
  const fail = (why: string) => queryError(`${show(text)} is not a valid date for field ${show(field)}: ${why}`, literal.position);
  let m = ISO_DATE.exec(text);
  if (m) {
    const start = utc(+m[1], +m[2], +m[3], 0, 0, 0, 0);
    if (start === undefined) throw fail('no such calendar day');
    return { at: start, start, end: start + MS.day - 1 };
  }
  m = ISO_DATE_TIME.exec(text);
  if (m) {
    const fraction = m[7] ?? '';
    const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
    const local = utc(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms);
    if (local === undefined) throw fail('no such calendar day or time');
    const start = local - zoneOffsetMs(m[8]);
    const precision = fraction ? 1 : m[6] ? MS.second : MS.minute;
    return { at: start, start, end: start + precision - 1 };
  }
  m = RELATIVE.exec(text);
  if (m) return relativeRange(Number(m[1]), m[2], now);
  throw fail('use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or a relative age like 7d, 2w, 1m, 1y, 3h');
}

function relativeRange(amount: number, unit: string, now: Date): NumericRange {
  const d = new Date(now.getTime());
  if (unit === 'h') d.setTime(d.getTime() - amount * MS.hour);
  else if (unit === 'd') d.setTime(d.getTime() - amount * MS.day);
  else if (unit === 'w') d.setTime(d.getTime() - amount * 7 * MS.day);
  else if (unit === 'm') shiftMonths(d, -amount);
  else shiftMonths(d, -12 * amount);
  const at = d.getTime();
  // An absurd age (`99999999y`) leaves Date's range: clamp to the earliest instant Date can hold.
  if (!Number.isFinite(at)) return { at: EARLIEST, start: EARLIEST, end: EARLIEST };
  const bucket = unit === 'h' ? MS.hour : MS.day;
  const start = Math.floor(at / bucket) * bucket;
  return { at, start, end: start + bucket - 1 };
}

/** Calendar months back, clamping the day: one month before 31 March is 28/29 February, not 3 March. */
function shiftMonths(d: Date, months: number): void {
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | undefined {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return t;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * MS.hour + Number(digits.slice(2, 4)) * MS.minute);
}

/**
 * Reads a stored date: ISO 8601 (how records and custom Date fields keep them) or EXIF's
 * `YYYY:MM:DD HH:MM:SS` (how some embedded metadata arrives). NaN when it is not a date.
 */
export function recordDateMs(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const exif = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (exif) return Date.UTC(+exif[1], +exif[2] - 1, +exif[3], +exif[4], +exif[5], +exif[6]);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return NaN;
  if (value.length === 10) return Date.parse(`${value}T00:00:00Z`);
  // Date.parse reads a zone-less date-time as local time; stored and documented dates mean UTC.
  return Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
}
