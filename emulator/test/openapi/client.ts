import ImageKit from '@imagekit/nodejs';
import { withEmulator, type TestEmulator } from '../helpers/emulator.js';
import { validatingFetch, ViolationCollector } from './validator.js';

/** The official SDK pointed at an emulator, with every response it receives validated against the spec. */
export function validatedClient(emu: { apiUrl: string; privateKey: string }, collector = new ViolationCollector()) {
  const sdk = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiUrl, maxRetries: 0, fetch: validatingFetch(collector) });
  return { sdk, collector };
}

/** The body of an SDK `APIError` (or fails the test when `promise` does not reject with one). */
export async function apiError(promise: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ImageKit.APIError && typeof err.status === 'number') {
      return { status: err.status, body: (err.error ?? {}) as Record<string, unknown> };
    }
    throw err;
  }
  throw new Error('expected the request to fail');
}

/**
 * Vitest helper: `const api = withValidatedEmulator();` at file level starts one emulator (see
 * `withEmulator`) and points a spec-validating SDK at it; every response lands in `api.collector`.
 * Read `api.emulator` and `api.sdk` inside tests.
 */
export function withValidatedEmulator(): { readonly emulator: TestEmulator; readonly sdk: ImageKit; readonly collector: ViolationCollector } {
  const emu = withEmulator();
  const collector = new ViolationCollector();
  let sdk: ImageKit | undefined;
  return {
    collector,
    get emulator() {
      return emu.current;
    },
    get sdk() {
      sdk ??= validatedClient(emu.current, collector).sdk;
      return sdk;
    },
  };
}
