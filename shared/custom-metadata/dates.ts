/**
 * ISO 8601 dates as custom metadata `Date` fields take them: a calendar date (`2024-02-29`) or a
 * date-time with optional seconds, fraction and offset (`2024-02-29T10:00:00.000Z`). `Date.parse`
 * alone is too lenient (it accepts `2024-02-30` and free text), so the shape and the calendar are
 * checked explicitly.
 */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch milliseconds of a valid ISO 8601 date string, or `undefined`. */
export function parseIsoDate(value: string): number | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return undefined;
  const ms = Date.parse(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : normalise(value, m[7]));
  return Number.isNaN(ms) ? undefined : ms;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date-time without an offset is read as UTC (as ImageKit stores dates), never as local time. */
function normalise(value: string, offset: string | undefined): string {
  const withT = value.replace(' ', 'T');
  if (offset === undefined) return `${withT}Z`;
  if (/^[+-]\d{4}$/.test(offset)) return withT.slice(0, -offset.length) + `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return withT;
}
