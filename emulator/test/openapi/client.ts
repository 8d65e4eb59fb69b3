import ImageKit from '@imagekit/nodejs';
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
