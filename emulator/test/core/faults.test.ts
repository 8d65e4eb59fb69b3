import { describe, expect, it } from 'vitest';
import ImageKit from '@imagekit/nodejs';
import { Faults } from '../../src/faults.js';
import { startTestEmulator } from '../helpers/emulator.js';

/** Deterministic "random" sequence for share arithmetic. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length];
};

describe('fault plan parsing', () => {
  it('reads shares and delays, and refuses nonsense', () => {
    const f = Faults.parse('429:0.25,503:0.25,drop:0.25,delay:200:0.5', sequence(0.1, 0.3, 0.6, 0.9))!;
    expect([f.outcome(), f.outcome(), f.outcome(), f.outcome()]).toEqual([
      { kind: 'status', status: 429 }, { kind: 'status', status: 503 }, { kind: 'drop' }, { kind: 'none' },
    ]);
    const d = Faults.parse('delay:200:0.5,delay:50:1', sequence(0.4, 0.2))!;
    expect(d.delayMs()).toBe(250);
    expect(Faults.parse('')).toBeUndefined();
    expect(() => Faults.parse('418:0.1')).toThrow(/cannot read "418:0.1"/);
    expect(() => Faults.parse('429:2')).toThrow(/0\.\.1/);
    expect(() => Faults.parse('429:0.6,500:0.6')).toThrow(/> 1/);
  });
});

describe('fault injection against the real server', () => {
  it('answers 429 with rate-limit headers, 500/503, and drops connections', async () => {
    for (const [spec, status] of [['429:1', 429], ['500:1', 500], ['503:1', 503]] as const) {
      const emu = await startTestEmulator({ faults: spec });
      try {
        const res = await fetch(`${emu.apiUrl}/v1/files`, { headers: { authorization: emu.authHeader } });
        expect(res.status).toBe(status);
        expect(res.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
        expect(res.headers.get('x-ik-requestid')).toBeTruthy();
        expect(((await res.json()) as { message: string }).message).toBeTruthy();
      } finally {
        await emu.close();
      }
    }
    const dropping = await startTestEmulator({ faults: 'drop:1' });
    try {
      await expect(fetch(`${dropping.apiUrl}/v1/files`, { headers: { authorization: dropping.authHeader } })).rejects.toThrow();
    } finally {
      await dropping.close();
    }
  });

  it('delays requests', async () => {
    const emu = await startTestEmulator({ faults: 'delay:300:1' });
    try {
      const started = Date.now();
      expect((await fetch(`${emu.apiUrl}/v1/files`, { headers: { authorization: emu.authHeader } })).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await emu.close();
    }
  });

  it('lets the SDK retry through a flaky server and reach every result', async () => {
    const emu = await startTestEmulator({ faults: '429:0.15,503:0.15,drop:0.1' });
    try {
      const seen = { faults: 0, ok: 0 };
      const countingFetch: typeof fetch = async (input, init) => {
        try {
          const res = await fetch(input, init);
          if (res.ok) seen.ok++;
          else seen.faults++;
          return res;
        } catch (err) {
          seen.faults++;
          throw err;
        }
      };
      const sdk = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiUrl, maxRetries: 15, timeout: 5000, fetch: countingFetch });
      // Keep the SDK's backoff short so the test stays fast.
      (sdk as unknown as { calculateDefaultRetryTimeoutMillis: () => number }).calculateDefaultRetryTimeoutMillis = () => 5;
      await sdk.folders.create({ folderName: 'flaky', parentFolderPath: '/' });
      for (let i = 0; i < 20; i++) {
        const list = await sdk.assets.list({ type: 'folder' });
        expect(list.map((f) => (f as { name: string }).name)).toEqual(['flaky']);
      }
      // The retries really happened: about 40% of the attempts failed.
      expect(seen.ok).toBe(21);
      expect(seen.faults).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }
  });
});
