import fc from 'fast-check';
import { toFile } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { pngBytes } from '../helpers/fixtures.js';
import {
  FIELD_TYPES,
  validateCustomMetadataValues,
  validateFieldSchema,
  type CustomMetadataFieldDef,
} from '../../../shared/custom-metadata/validate.js';

/**
 * The validator the app's forms use (shared/custom-metadata) and the emulator's
 * HTTP API accept and reject exactly the same field schemas and custom-metadata values.
 */
let emu: TestEmulator;
let fileId: string;
let seq = 0;

beforeAll(async () => {
  emu = await startTestEmulator();
  const up = await emu.sdk.files.upload({ file: await toFile(await pngBytes(4, 4), 'p.png'), fileName: 'p.png', useUniqueFileName: false });
  fileId = up.fileId!;
});
afterAll(async () => {
  await emu?.close();
});

async function call(method: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emu.apiUrl}${path}`, {
    method,
    headers: { authorization: emu.authHeader, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

// ---- generators: plausible and implausible values near every rule's edges ----
const isoDate = fc
  .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 31 }), fc.boolean())
  .map(([y, m, d, time]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${time ? 'T12:30:00Z' : ''}`);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -50, max: 50 }),
  fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  isoDate,
);
const anyValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.constant(null), fc.constant({}));
const optionPool = fc.uniqueArray(fc.oneof(fc.constantFrom('s', 'm', 'l', 'xl'), fc.integer({ min: 0, max: 5 }), fc.boolean()), {
  maxLength: 5,
  selector: (v) => `${typeof v}:${String(v)}`,
});
const options = fc.oneof({ weight: 4, arbitrary: optionPool }, { weight: 1, arbitrary: anyValue });

/** Anything in any key: mostly invalid schemas. */
const chaosSchema = fc.record(
  {
    type: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...FIELD_TYPES) }, { weight: 1, arbitrary: fc.constantFrom('Color', 7) }),
    selectOptions: options,
    defaultValue: fc.oneof(anyValue, optionPool),
    isValueRequired: fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyValue }),
    minValue: fc.oneof(fc.integer({ min: -20, max: 20 }), isoDate, anyValue),
    maxValue: fc.oneof(fc.integer({ min: -20, max: 20 }), isoDate, anyValue),
    minLength: fc.oneof(fc.integer({ min: -1, max: 6 }), anyValue),
    maxLength: fc.oneof(fc.integer({ min: -1, max: 6 }), anyValue),
  },
  { requiredKeys: [] },
);

const optional = { requiredKeys: ['type'] as ['type'] };
const number = fc.oneof(fc.integer({ min: -25, max: 25 }), fc.double({ min: -25, max: 25, noNaN: true, noDefaultInfinity: true }));
/** Schemas shaped for their type, with values near the edges: valid or broken by one rule. */
const typedSchema = fc.oneof(
  fc.record(
    { type: fc.constantFrom('Text', 'Textarea'), minLength: fc.integer({ min: 0, max: 6 }), maxLength: fc.integer({ min: 0, max: 6 }),
      defaultValue: fc.string({ maxLength: 8 }), isValueRequired: fc.boolean() },
    optional,
  ),
  fc.record({ type: fc.constant('Number'), minValue: number, maxValue: number, defaultValue: number, isValueRequired: fc.boolean() }, optional),
  fc.record({ type: fc.constant('Date'), minValue: isoDate, maxValue: isoDate, defaultValue: isoDate, isValueRequired: fc.boolean() }, optional),
  fc.record({ type: fc.constant('Boolean'), defaultValue: fc.oneof(fc.boolean(), scalar), isValueRequired: fc.boolean() }, optional),
  optionPool.filter((o) => o.length > 0).chain((selectOptions) =>
    fc.record(
      {
        type: fc.constantFrom('SingleSelect', 'MultiSelect'),
        selectOptions: fc.constant(selectOptions),
        defaultValue: fc.oneof(fc.constantFrom(...selectOptions), fc.subarray(selectOptions), scalar),
        isValueRequired: fc.boolean(),
      },
      optional,
    ),
  ),
);

const schemaArb = fc.oneof({ weight: 3, arbitrary: typedSchema }, { weight: 1, arbitrary: chaosSchema });

/** Values aimed at a schema's own rules (options, range, length), mixed with arbitrary ones. */
function valueFor(field: CustomMetadataFieldDef) {
  const opts = field.schema.selectOptions ?? [];
  return fc.oneof(
    anyValue,
    opts.length > 0 ? fc.constantFrom(...opts) : anyValue,
    opts.length > 0 ? fc.subarray(opts) : anyValue,
    fc.integer({ min: -25, max: 25 }),
    isoDate,
    fc.string({ maxLength: 8 }),
  );
}

describe('shared validator and emulator agree', () => {
  const created: CustomMetadataFieldDef[] = [];

  it('on field schemas', async () => {
    await fc.assert(
      fc.asyncProperty(schemaArb, async (schema) => {
        const n = ++seq;
        const expected = validateFieldSchema(schema);
        const res = await call('POST', '/v1/customMetadataFields', { name: `f${n}`, label: `Field ${n}`, schema });
        if (expected.ok) {
          expect(res.status, JSON.stringify(res.json)).toBe(201);
          expect(res.json.schema).toEqual(expected.schema);
          created.push(res.json as unknown as CustomMetadataFieldDef);
        } else {
          expect(res.status).toBe(400);
          expect(res.json.errors).toEqual(expected.errors);
        }
      }),
      { numRuns: 150, seed: 7007 },
    );
    // The generators must reach both outcomes and every type, or the property proves little.
    expect(created.length).toBeGreaterThan(20);
    expect(new Set(created.map((f) => f.schema.type)).size).toBe(FIELD_TYPES.length);
  });

  it('on custom metadata values set through update file details', async () => {
    expect(created.length).toBeGreaterThan(0);
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...created).chain((field) => fc.tuple(fc.constant(field), valueFor(field))),
        async ([field, value]) => {
          const expected = validateCustomMetadataValues({ [field.name]: value }, created);
          const res = await call('PATCH', `/v1/files/${fileId}/details`, { customMetadata: { [field.name]: value } });
          expect(res.status, `${JSON.stringify(field.schema)} ← ${JSON.stringify(value)}: ${JSON.stringify(res.json)}`).toBe(expected.ok ? 200 : 400);
          if (expected.ok) accepted++;
          else {
            rejected++;
            // The same per-key reasons reach the client, not just the same verdict.
            expect(res.json.errors).toEqual(expected.errors);
          }
        },
      ),
      { numRuns: 200, seed: 7008 },
    );
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(20);
  });

  it('on custom metadata values sent with an upload (multipart JSON field)', async () => {
    const png = await pngBytes(2, 2);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...created).chain((field) => fc.tuple(fc.constant(field), valueFor(field))),
        async ([field, value]) => {
          const expected = validateCustomMetadataValues({ [field.name]: value }, created);
          const form = new FormData();
          form.append('file', new Blob([png]), 'u.png');
          form.append('fileName', 'u.png');
          form.append('customMetadata', JSON.stringify({ [field.name]: value }));
          const res = await fetch(`${emu.apiUrl}/api/v1/files/upload`, { method: 'POST', headers: { authorization: emu.authHeader }, body: form });
          const body = (await res.json()) as Record<string, unknown>;
          expect(res.status, `${JSON.stringify(field.schema)} ← ${JSON.stringify(value)}: ${JSON.stringify(body)}`).toBe(expected.ok ? 200 : 400);
          if (!expected.ok) expect(body.errors).toEqual(expected.errors);
        },
      ),
      { numRuns: 60, seed: 7009 },
    );
  });
});
