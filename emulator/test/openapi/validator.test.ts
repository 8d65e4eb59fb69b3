import { describe, expect, it } from 'vitest';
import { validateResponse, findOperation, validatingFetch, ViolationCollector } from './validator.js';

const json = 'application/json; charset=utf-8';
const check = (method: string, path: string, status: number, body: unknown) =>
  validateResponse({ method, path, status, contentType: json, body: body === '' ? '' : JSON.stringify(body) });

describe('OpenAPI response validator', () => {
  it('matches literal segments before parameters', () => {
    expect(findOperation('POST', '/v1/files/purge')?.operationId).toBe('purge-cache');
    expect(findOperation('GET', '/v1/files/purge/abc')?.operationId).toBe('purge-status');
    expect(findOperation('GET', '/v1/files/abc/metadata')?.operationId).toBe('get-uploaded-file-metadata');
    expect(findOperation('DELETE', '/v1/files/abc')?.operationId).toBe('delete-file');
  });

  it('accepts conforming bodies', () => {
    expect(check('GET', '/v1/files/purge/x', 200, { status: 'Completed' })).toEqual([]);
    expect(check('POST', '/v1/customMetadataFields', 201, { id: 'a', name: 'n', label: 'l', schema: { type: 'Number', minValue: 1 } })).toEqual([]);
    expect(check('GET', '/v1/files/x/metadata', 404, { message: 'x', help: 'y' })).toEqual([]);
    expect(check('GET', '/v1/metadata', 401, { message: 'x', help: 'y' })).toEqual([]);
  });

  it('accepts an empty body only where the spec declares an empty object', () => {
    expect(check('DELETE', '/v1/customMetadataFields/x', 204, '')).toEqual([]);
    expect(check('GET', '/v1/files/purge/x', 200, '')).toHaveLength(1);
  });

  it('reports schema violations with their location', () => {
    const v = check('GET', '/v1/files/purge/x', 200, { status: 'Done' });
    expect(v).toHaveLength(1);
    expect(v[0].problem).toMatch(/\/status must be equal to one of the allowed values/);
    const missing = check('GET', '/v1/customMetadataFields', 200, [{ name: 'n', label: 'l', schema: { type: 'Text' } }]);
    expect(missing.map((m) => m.problem).join()).toMatch(/must have required property 'id'/);
    expect(check('GET', '/v1/files/x/metadata', 200, { width: 1.5 })[0].problem).toMatch(/\/width must be integer/);
  });

  it('reports undocumented operations, statuses, content types and bad JSON', () => {
    expect(check('GET', '/v1/nothing', 200, {})[0].problem).toBe('operation not in the spec');
    expect(check('GET', '/v1/customMetadataFields', 404, { message: 'x' })[0].problem).toMatch(/status 404 not documented/);
    expect(validateResponse({ method: 'GET', path: '/v1/files/purge/x', status: 200, contentType: 'text/plain', body: '{}' })[0].problem).toMatch(/content-type/);
    expect(validateResponse({ method: 'GET', path: '/v1/files/purge/x', status: 200, contentType: json, body: '{' })[0].problem).toBe('body is not valid JSON');
  });

  it('validatingFetch records every response it passes through, unchanged', async () => {
    const collector = new ViolationCollector();
    const fake = async () => new Response(JSON.stringify({ status: 'Nope' }), { status: 200, headers: { 'content-type': json } });
    const f = validatingFetch(collector, fake, { requiredHeaders: [] });
    const res = await f('http://127.0.0.1:1/v1/files/purge/abc?x=1', { method: 'GET' });
    expect(await res.json()).toEqual({ status: 'Nope' });
    expect(collector.checked).toBe(1);
    expect(collector.report()).toMatch(/GET \/v1\/files\/purge\/abc → 200 \[purge-status\]/);
    await f('data:,');
    expect(collector.checked).toBe(1);
  });

  it('validatingFetch reports missing request-id and rate-limit headers', async () => {
    const collector = new ViolationCollector();
    const headers = { 'content-type': json, 'x-ik-requestId': 'r', 'X-RateLimit-Limit': '1', 'X-RateLimit-Reset': '1' };
    const f = validatingFetch(collector, async () => new Response('{"status":"Pending"}', { status: 200, headers }));
    await f('http://127.0.0.1:1/v1/files/purge/abc');
    expect(collector.violations.map((v) => v.problem)).toEqual(['missing headers: x-ratelimit-interval']);
  });
});
