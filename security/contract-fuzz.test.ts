import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, errorCodes, isChannelName, ResultSchema, type Result } from '../shared/ipc/index';
import { startAppUnderTest, type AppUnderTest } from './app-under-test';

/**
 * Fuzz of the contract: random channel names and random inputs go through the router of a real
 * `createAppServices` (real Local library, real SQLite, real settings). Every answer must be a
 * typed envelope, an error must carry a known code and a message, and junk must never reach a
 * handler deep enough to crash it (INTERNAL) or come back carrying a private key.
 */
let app: AppUnderTest;
const ctx = { transport: 'test' as const };

beforeAll(async () => {
  app = await startAppUnderTest();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** Values Electron's structured clone or the web host's JSON can carry, in their odd corners. */
const anyInput = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 3,
});

/** Plausible-looking objects: the contract's common field names with random values. */
const nearMissInput = fc.dictionary(
  fc.constantFrom('profileId', 'id', 'fileId', 'fileIds', 'folderPath', 'filePath', 'name', 'url', 'draft', 'urlEndpoint', 'privateKey', 'publicKey', 'tags', 'limit', 'skip', 'options', '__proto__', 'constructor'),
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.constant('local'), fc.constant('/'), fc.constant('../../etc/passwd')),
  { maxKeys: 4 },
);

function checkEnvelope(result: unknown): Result<unknown> {
  const parsed = ResultSchema.safeParse(result);
  expect(parsed.success, JSON.stringify(result)).toBe(true);
  const envelope = result as Result<unknown>;
  if (!envelope.ok) {
    expect(errorCodes).toContain(envelope.error.code);
    expect(envelope.error.message.trim().length).toBeGreaterThan(0);
  }
  return envelope;
}

function expectNoKey(result: unknown): void {
  const text = JSON.stringify(result) ?? '';
  expect(text.includes(app.services.localLibrary.privateKey), 'a private key in an answer').toBe(false);
}

describe('contract fuzz through the router of createAppServices', () => {
  it('answers UNKNOWN_CHANNEL to any name outside the contract, prototype names included', async () => {
    const names = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', ''),
      fc.constantFrom(...channelNames).map((n) => `${n} `),
      fc.constantFrom(...channelNames).map((n) => n.toUpperCase()),
      fc.anything({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(names.filter((n) => !isChannelName(n)), anyInput, async (channel, input) => {
        const result = checkEnvelope(await app.services.router.dispatch(channel, input, ctx));
        expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      }),
      { numRuns: 300 },
    );
  });

  it('answers a typed envelope (never INTERNAL, never a key) to random input on every real channel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), fc.oneof(anyInput, nearMissInput), async (channel, input) => {
        const raw = await app.services.router.dispatch(channel, input, ctx);
        const result = checkEnvelope(raw);
        if (!result.ok) expect(result.error.code, `${channel} ${result.error.message}\n${app.logged.join('\n')}`).not.toBe('INTERNAL');
        expectNoKey(raw);
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('covers every channel of the contract at least once with junk', async () => {
    for (const channel of channelNames) {
      for (const input of [undefined, null, 42, 'x', [], { __proto__: { profileId: 'local' } }, { profileId: 7 }]) {
        const result = checkEnvelope(await app.services.router.dispatch(channel, input, ctx));
        if (!result.ok) expect(result.error.code, `${channel}(${JSON.stringify(input)}): ${result.error.message}`).not.toBe('INTERNAL');
        expectNoKey(result);
      }
    }
    expect(app.logged).toEqual([]);
  }, 120_000);
});
