import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/**
 * OpenAPI conformance harness: checks every response a client receives against the operation's
 * response schema in ImageKit's official spec (OpenAPI 3.1 = JSON Schema 2020-12, validated with
 * ajv). A response to an operation, or with a status, that the spec does not document is itself a
 * violation. Plug it into the official SDK with `fetch: validatingFetch(collector)`.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SPEC_PATH = path.resolve(repoRoot, '..', 'shared', 'imagekit-openapi', 'sdk-generation-main', 'openapi', 'v1.0.0.yaml');
const SPEC_ID = 'https://imagekit.io/openapi/v1.0.0.json';

type Json = Record<string, unknown>;

export interface ResponseToCheck {
  method: string;
  /** Request path (query is ignored), e.g. `/v1/files/abc/metadata`. */
  path: string;
  status: number;
  contentType: string | null;
  /** Raw body text ('' when empty). */
  body: string;
}

export interface Violation {
  method: string;
  path: string;
  status: number;
  operation?: string;
  problem: string;
}

interface Operation {
  template: string;
  method: string;
  operationId: string;
  responses: Record<string, Json>;
  pattern: RegExp;
  literalSegments: number;
}

interface Spec {
  doc: Json;
  operations: Operation[];
  ajv: Ajv2020;
  compiled: Map<string, ValidateFunction>;
}

let loaded: Spec | undefined;

function loadSpec(): Spec {
  if (loaded) return loaded;
  const doc = normaliseNullTypes(parseYaml(readFileSync(SPEC_PATH, 'utf8'), { maxAliasCount: -1 })) as Json;
  // strict: false — OpenAPI adds keywords (example, x-stainless-*, discriminator) that JSON Schema does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => Ajv2020;
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: SPEC_ID });
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const segments = template.split('/').filter(Boolean);
      const pattern = new RegExp(
        '^/' + segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/') + '$',
      );
      const o = op as Json;
      operations.push({
        template,
        method: method.toUpperCase(),
        operationId: String(o.operationId),
        responses: (o.responses ?? {}) as Record<string, Json>,
        pattern,
        literalSegments: segments.filter((s) => !s.startsWith('{')).length,
      });
    }
  }
  // A literal segment beats a parameter (`/v1/files/purge` before `/v1/files/{fileId}`).
  operations.sort((a, b) => b.literalSegments - a.literalSegments);
  loaded = { doc, operations, ajv, compiled: new Map() };
  return loaded;
}

/**
 * The spec writes nullable types as `type: [string, null]`; unquoted, YAML reads that `null` as a
 * null value where JSON Schema means the type name "null". Restore the intended meaning.
 */
function normaliseNullTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normaliseNullTypes);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === 'type' && Array.isArray(value) ? value.map((t) => (t === null ? 'null' : t)) : normaliseNullTypes(value);
  }
  return out;
}

const pointerPart = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Resolves a `$ref` to `#/components/responses/...` (response objects, not schemas). */
function resolveResponse(doc: Json, response: Json): Json {
  const ref = response.$ref;
  if (typeof ref !== 'string') return response;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, doc);
}

export function findOperation(method: string, requestPath: string): Operation | undefined {
  const { operations } = loadSpec();
  return operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(requestPath));
}

/** All violations of one response (empty when it conforms). */
export function validateResponse(res: ResponseToCheck): Violation[] {
  const spec = loadSpec();
  const base = { method: res.method.toUpperCase(), path: res.path, status: res.status };
  const op = findOperation(res.method, res.path);
  if (!op) return [{ ...base, problem: 'operation not in the spec' }];
  const fail = (problem: string): Violation[] => [{ ...base, operation: op.operationId, problem }];

  const statusKey = [String(res.status), `${String(res.status)[0]}XX`, 'default'].find((k) => k in op.responses);
  if (!statusKey) return fail(`status ${res.status} not documented (documented: ${Object.keys(op.responses).join(', ')})`);
  const response = resolveResponse(spec.doc, op.responses[statusKey]);
  const media = (response.content as Record<string, Json> | undefined)?.['application/json'];
  if (!media?.schema) return res.body === '' ? [] : fail('body present where the spec documents none');

  const schema = media.schema as Json;
  if (res.body === '') {
    // SPEC declares empty successes as `{}` with x-stainless-empty-object; ImageKit sends no body (reference §1).
    return schema['x-stainless-empty-object'] === true ? [] : fail('empty body where the spec documents JSON');
  }
  if (!res.contentType?.includes('application/json')) return fail(`content-type ${res.contentType} is not application/json`);
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return fail('body is not valid JSON');
  }
  const validate = compiledFor(spec, op, statusKey, op.responses[statusKey]);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => ({
    ...base,
    operation: op.operationId,
    problem: `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  }));
}

function compiledFor(spec: Spec, op: Operation, statusKey: string, rawResponse: Json): ValidateFunction {
  const key = `${op.method} ${op.template} ${statusKey}`;
  let fn = spec.compiled.get(key);
  if (!fn) {
    const ref = rawResponse.$ref;
    const pointer =
      typeof ref === 'string'
        ? `${ref}/content/application~1json/schema`
        : `#/paths/${pointerPart(op.template)}/${op.method.toLowerCase()}/responses/${statusKey}/content/application~1json/schema`;
    fn = spec.ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
    spec.compiled.set(key, fn);
  }
  return fn;
}

/** Collects violations across a test file; `checked` counts responses seen. */
export class ViolationCollector {
  readonly violations: Violation[] = [];
  checked = 0;

  add(found: Violation[]): void {
    this.checked++;
    this.violations.push(...found);
  }

  /** Human-readable list, for assertion messages. */
  report(): string {
    return this.violations.map((v) => `${v.method} ${v.path} → ${v.status} [${v.operation ?? '?'}]: ${v.problem}`).join('\n');
  }
}

type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Headers every API response carries (ImageKit sends them; the spec does not model them):
 * the request id and the rate-limit trio.
 */
export const REQUIRED_HEADERS = ['x-ik-requestid', 'x-ratelimit-limit', 'x-ratelimit-reset', 'x-ratelimit-interval'];

/**
 * A `fetch` that validates every response it returns against the spec (and checks `requiredHeaders`),
 * recording violations in `collector`. The response is handed back untouched.
 */
export function validatingFetch(
  collector: ViolationCollector,
  baseFetch: FetchFn = fetch,
  { requiredHeaders = REQUIRED_HEADERS }: { requiredHeaders?: string[] } = {},
): FetchFn {
  return async (input, init) => {
    const response = await baseFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    // The SDK probes its fetch with a `data:` URL (toFile); only API responses are checked.
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return response;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const body = await response.clone().text();
    const check = { method, path: url.pathname, status: response.status, contentType: response.headers.get('content-type'), body };
    const found: Violation[] = [];
    try {
      found.push(...validateResponse(check));
    } catch (err) {
      // Never break the client under test: a harness failure is recorded as a violation instead.
      found.push({ method, path: check.path, status: check.status, problem: `validator failed: ${(err as Error).message}` });
    }
    const missing = requiredHeaders.filter((h) => !response.headers.has(h));
    if (missing.length > 0) found.push({ method, path: check.path, status: check.status, problem: `missing headers: ${missing.join(', ')}` });
    collector.add(found);
    return response;
  };
}
