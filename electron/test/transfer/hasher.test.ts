import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { hasher } from '../../services/transfer/originals';

const sink = () => new Writable({ write: (_c, _e, done) => done() });
const bytes = Buffer.from('a backup source, read in two chunks');
const source = () => Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]);

describe('hasher', () => {
  it('counts and hashes what passes, reporting the running size', async () => {
    const sizes: number[] = [];
    const { stream, digest } = hasher({ onBytes: (size) => sizes.push(size) });
    await pipeline(source(), stream, sink());
    expect(sizes).toEqual([10, bytes.length]);
    expect(digest()).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(digest()).toEqual(digest()); // asked again after the end: the same digest, not a spent hash
  });

  it('fails the stream when the end check refuses what was read (a source changed mid-read)', async () => {
    const { stream } = hasher({ onEnd: ({ size }) => (size !== 5 ? new Error(`listed 5 bytes, read ${size}`) : undefined) });
    await expect(pipeline(source(), stream, sink())).rejects.toThrow(`listed 5 bytes, read ${bytes.length}`);
  });
});
