// The URL endpoint a pasted ImageKit URL was written for, when it is not the open profile's.
//
// ImageKit's default endpoints are `https://ik.imagekit.io/<imagekit_id>`; custom domains may sit at a
// host's root or under a path. A `tr:` path segment always follows the endpoint directly, so where
// one is present everything before it is the endpoint. Knowing it lets the builder take the steps and
// the file path from another account's (or another domain's) URL and rebuild them under its own.
import { parseWebUrl } from './web-platform.js';

const IMAGEKIT_ORIGIN = 'https://ik.imagekit.io';

/** The endpoint `url` was built under, or undefined when the URL does not say (no `tr:` segment, not ik.imagekit.io). */
export function inferUrlEndpoint(url: string): string | undefined {
  const parsed = parseWebUrl(url.trim());
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return undefined;
  const segments = parsed.pathname.split('/');
  const trAt = segments.findIndex((segment, index) => index > 0 && segment.startsWith('tr:') && index < segments.length - 1);
  if (trAt > 0) return `${parsed.origin}${segments.slice(0, trAt).join('/')}`;
  if (parsed.origin === IMAGEKIT_ORIGIN && segments[1] && segments.length > 2) return `${parsed.origin}/${segments[1]}`;
  return undefined;
}
