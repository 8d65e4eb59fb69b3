import { afterEach, describe, expect, it } from 'vitest';
import { invoke, invokeVia } from '../src/api/client';
import { ApiError } from '../src/api/errors';
import { setBridgeForTests } from '../src/api/transport';
import { TransportError } from '../src/api/ws-bridge';
import type { ApiBridge } from '../../shared/ipc/wire';
import { createInMemoryHost } from './support/in-memory-host';

afterEach(() => setBridgeForTests(undefined));

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('typed client: envelope unwrapping', () => {
  it('resolves with the data of an ok envelope', async () => {
    const host = createInMemoryHost();
    setBridgeForTests(host.bridge);
    const profiles = await invoke('profiles.list');
    expect(profiles.map((p) => p.name)).toEqual(['Local library']);
    expect(host.calls).toEqual([{ channel: 'profiles.list', input: undefined }]);
  });

  it('turns a BAD_INPUT envelope from the real router into an ApiError naming the field', async () => {
    const host = createInMemoryHost();
    const error = await rejection(
      invokeVia(host.bridge, 'profiles.save', { name: 'Work', urlEndpoint: 'ftp://example.com', publicKey: 'pk' }),
    );
    expect(error.code).toBe('BAD_INPUT');
    expect(error.channel).toBe('profiles.save');
    expect(error.message).toMatch(/urlEndpoint: URL endpoint must start with https:\/\//);
  });

  it('keeps the code and message of an error a handler raised (NOT_FOUND)', async () => {
    const host = createInMemoryHost();
    const error = await rejection(invokeVia(host.bridge, 'profiles.activate', { id: 'gone' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No profile with id gone.');
  });

  it('reports an unknown channel with the UNKNOWN_CHANNEL code', async () => {
    const host = createInMemoryHost();
    // A channel this build does not know, as a newer or older renderer might send.
    const error = await rejection(invokeVia(host.bridge, 'profiles.rename' as 'profiles.list'));
    expect(error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('gives plain words when an envelope arrives with an empty message', async () => {
    const bridge: ApiBridge = {
      invoke: async () => ({ ok: false, error: { code: 'KEY_REJECTED', message: ' ' } }),
      on: () => () => undefined,
    };
    const error = await rejection(invokeVia(bridge, 'connection.status'));
    expect(error.code).toBe('KEY_REJECTED');
    expect(error.message).toMatch(/^Key rejected/);
  });

  it('maps a transport failure (the host is gone) to TRANSPORT with its explanation', async () => {
    const bridge: ApiBridge = {
      invoke: () => Promise.reject(new TransportError('Lost the connection to the MediaDesk host.')),
      on: () => () => undefined,
    };
    const error = await rejection(invokeVia(bridge, 'profiles.list'));
    expect(error.code).toBe('TRANSPORT');
    expect(error.message).toBe('Lost the connection to the MediaDesk host.');
  });

  it('refuses an answer that is not an envelope instead of passing it on as data', async () => {
    const bridge = { invoke: async () => ({ data: [] }), on: () => () => undefined } as unknown as ApiBridge;
    const error = await rejection(invokeVia(bridge, 'profiles.list'));
    expect(error.code).toBe('INTERNAL');
  });
});
