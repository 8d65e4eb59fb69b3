// Typed handles on the WHATWG globals URL parsing needs.
//
// shared/ compiles with `lib: ES2022` and no DOM or Node types, yet URL and URLSearchParams exist in every
// runtime this code runs in (Node ≥ 20, Chromium). Declaring them globally here would clash with lib.dom in
// the renderer build, so we read them off globalThis with the few members we use.

interface WebUrl {
  href: string;
  origin: string;
  protocol: string;
  pathname: string;
}

interface WebUrlSearchParams {
  get(name: string): string | null;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

interface WebGlobals {
  URL: new (input: string, base?: string) => WebUrl;
  URLSearchParams: new (init?: string | [string, string][]) => WebUrlSearchParams;
}

const web = globalThis as unknown as WebGlobals;

export function parseWebUrl(input: string, base?: string): WebUrl | undefined {
  try {
    return new web.URL(input, base);
  } catch {
    return undefined;
  }
}

/** Decodes one `name=value` pair exactly as the SDK's URLSearchParams-based builder would have encoded it. */
export function decodeQueryPair(pair: string): [string, string] {
  const entries = [...new web.URLSearchParams(pair)];
  return entries[0] ?? ['', ''];
}

export function encodeQueryPair(name: string, value: string): string {
  return new web.URLSearchParams([[name, value]]).toString();
}

/** Path as WHATWG URL would normalise it when the SDK assigns `url.pathname`. */
export function normalisePathname(path: string): string {
  const url = new web.URL('http://normalise.invalid/');
  url.pathname = path;
  return url.pathname;
}
