import { useEffect, useRef, useState } from 'react';
import type { VersionEntry } from '../../../../shared/domain/editing';
import { useVersionPixels } from '../../api/editing';
import { describeError } from '../../api/errors';
import { describeDiff, diffPixels } from './pixel-diff';
import { diffMetadata } from './metadata-diff';

interface Props {
  fileId: string;
  /** The older and the newer version, in that order. */
  pair: [VersionEntry, VersionEntry];
}

/** Decodes a data URL into RGBA pixels at the given size (through an offscreen canvas). */
async function pixelsOf(dataUrl: string, width: number, height: number): Promise<Uint8ClampedArray> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This window cannot draw on a canvas.');
  ctx.drawImage(img, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

/** Two versions side by side, as a swipe, as a pixel-difference image, and what changed in their metadata. */
export function VersionCompare({ fileId, pair }: Props) {
  const [a, b] = pair;
  const pixels = useVersionPixels(fileId, [a.versionId, b.versionId]);
  const [swipe, setSwipe] = useState(50);
  const [summary, setSummary] = useState<string>('Comparing pixels…');
  const canvas = useRef<HTMLCanvasElement>(null);
  const changes = diffMetadata(a.details, b.details);

  useEffect(() => {
    const data = pixels.data;
    if (!data || data.images.length !== 2) return;
    let cancelled = false;
    (async () => {
      const [pa, pb] = await Promise.all(data.images.map((img) => pixelsOf(img.dataUrl, data.width, data.height)));
      const diff = diffPixels(pa!, pb!);
      const ctx = canvas.current?.getContext('2d');
      if (cancelled || !ctx || !canvas.current) return;
      canvas.current.width = data.width;
      canvas.current.height = data.height;
      ctx.putImageData(new ImageData(diff.image, data.width, data.height), 0, 0);
      setSummary(describeDiff(diff));
    })().catch((error: unknown) => !cancelled && setSummary(`Could not compare the pixels: ${describeError(error)}`));
    return () => {
      cancelled = true;
    };
  }, [pixels.data]);

  const [imgA, imgB] = pixels.data?.images ?? [];
  return (
    <section className="version-compare" aria-label="Compare versions">
      <h4>
        {a.versionName} ↔ {b.versionName}
      </h4>
      {pixels.isPending && <p className="muted">Loading both versions…</p>}
      {pixels.isError && <p role="alert">{describeError(pixels.error)}</p>}
      {imgA && imgB && (
        <>
          <div className="compare-side-by-side">
            <figure>
              <img src={imgA.dataUrl} alt={a.versionName} />
              <figcaption>{a.versionName}</figcaption>
            </figure>
            <figure>
              <img src={imgB.dataUrl} alt={b.versionName} />
              <figcaption>{b.versionName}</figcaption>
            </figure>
          </div>
          <div className="compare-swipe" role="group" aria-label="Swipe comparison">
            <div className="swipe-stage">
              <img src={imgB.dataUrl} alt="" />
              <img src={imgA.dataUrl} alt="" className="swipe-top" style={{ clipPath: `inset(0 ${100 - swipe}% 0 0)` }} />
              <div className="swipe-line" style={{ left: `${swipe}%` }} aria-hidden="true" />
            </div>
            <label>
              Swipe position
              <input type="range" min={0} max={100} value={swipe} onChange={(e) => setSwipe(Number(e.target.value))} />
            </label>
          </div>
        </>
      )}
      <figure className="compare-diff">
        <canvas ref={canvas} role="img" aria-label="Pixel difference" />
        <figcaption role="status" aria-label="Pixel difference summary">
          {pixels.data ? summary : ''}
        </figcaption>
      </figure>
      <table aria-label="Metadata differences" className="compare-metadata">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{a.versionName}</th>
            <th scope="col">{b.versionName}</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 ? (
            <tr>
              <td colSpan={3}>No metadata differs.</td>
            </tr>
          ) : (
            changes.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.key}</th>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
