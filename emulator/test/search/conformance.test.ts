import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IkError } from '../../src/http/errors.js';
import { compileSearchQuery } from '../../src/search/index.js';
import { NOW, search } from './fixtures.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const conformancePath = path.resolve(repoRoot, '..', 'shared', 'conformance', 'search-queries.json');

interface Example {
  query: string;
  meaning?: string;
  docsTypo?: boolean;
}
const doc = JSON.parse(readFileSync(conformancePath, 'utf8')) as {
  examples: Example[];
  quickstartExamples: { examples: Example[] };
  locationTakenValueFormats: { values: Array<{ value: string }> };
  invalidOrSuspect: Example[];
  derivedInvalid: { cases: Example[] };
};

function rejection(query: string): IkError {
  try {
    compileSearchQuery(query, { now: NOW });
  } catch (e) {
    if (e instanceof IkError) return e;
    throw e;
  }
  throw new Error(`expected a 400 for ${query}`);
}

describe('search-queries.json', () => {
  it('holds the documented examples', () => {
    expect(doc.examples.length).toBeGreaterThanOrEqual(76);
  });

  it.each(doc.examples.map((e) => [e.query]))('documented example parses and compiles: %s', (query) => {
    const compiled = compileSearchQuery(query, { now: NOW });
    expect(compiled.ast).toBeDefined();
  });

  it('takes the docs-typo `private = false` (printed in the published row) literally: files not marked private', () => {
    expect(doc.examples.find((e) => e.docsTypo)?.query).toBe('private = false');
    expect(search('private = false')).toEqual(['manual', 'promo-video', 'red-summer', 'red-upper']);
  });

  it('accepts the Python quickstart single-quoted form with the same meaning as double quotes', () => {
    const single = doc.quickstartExamples.examples.find((e) => e.query.startsWith('(size'))!.query;
    expect(single).toBe("(size < '1mb' AND width < 500) OR (tags IN ['tag-1', 'tag-2'])");
    expect(search(single)).toEqual(search(single.replaceAll("'", '"')));
    expect(search("(size < '1mb' AND width > 500) OR (tags IN ['summer-sale'])")).toEqual(['red-summer', 'red-upper']);
  });

  it('rejects the quickstart\'s undocumented field `created_at`, pointing at createdAt', () => {
    const query = doc.quickstartExamples.examples.find((e) => e.query.startsWith('created_at'))!.query;
    const error = rejection(query);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid search query: unknown field "created_at" (did you mean "createdAt"?) at position 0');
    // With the documented field name the rest of that query is valid.
    expect(() => compileSearchQuery(query.replace('created_at', 'createdAt'), { now: NOW })).not.toThrow();
  });

  it.each(doc.invalidOrSuspect.map((e) => [e.query]))('rejects the misplaced-quote typo: %s', (query) => {
    const error = rejection(query);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/expected an operator .* after field "customMetadata.category IN \[" but found "clothing" at position 30/);
  });

  it.each(doc.derivedInvalid.cases.map((e) => [e.query]))('rejects the derived invalid query: %s', (query) => {
    const error = rejection(query);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Invalid search query: .* at position \d+$/);
  });

  it.each(doc.locationTakenValueFormats.values.map((v) => [v.value]))('accepts the LocationTaken value format %s', (value) => {
    expect(() => compileSearchQuery(`"embeddedMetadata.LocationTaken" = ${value}`, { now: NOW })).not.toThrow();
  });
});
