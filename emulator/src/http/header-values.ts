/** Longest header value built from a message; ImageKit's own ik-error values are one short line. */
const MAX_VALUE = 512;

/**
 * A header value that Node will send. Error headers such as `ik-error` carry messages that come from
 * libvips (several lines for a truncated JPEG) or echo a request's own text (a transformation value
 * with any character): Node refuses control characters and anything beyond Latin-1 with
 * ERR_INVALID_CHAR, which turned a clear 400 into a 500. Line breaks and other controls become
 * spaces, characters beyond Latin-1 become `?` (Latin-1, such as the × of "8000×8000", is kept), and the
 * value is cut to one line.
 */
export function headerValue(value: string): string {
  const line = value
    // Matching control characters is the point here.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/[^\u0020-\u00ff]/g, '?')
    .replace(/ {2,}/g, ' ')
    .trim();
  return line.length > MAX_VALUE ? `${line.slice(0, MAX_VALUE - 3)}...` : line;
}

/** Every value of a header map through `headerValue`. */
export function headerValues(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, headerValue(value)]));
}
