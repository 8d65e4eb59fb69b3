import { useState, type CSSProperties, type SyntheticEvent } from 'react';
import { compareLayout, resultClip, type Size } from './compare-layout';
import './compare.css';

interface Props {
  originalUrl: string;
  resultUrl: string;
}

const naturalSize = (e: SyntheticEvent<HTMLImageElement>): Size => ({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight });

/** Never wider than the image's own pixels (1 CSS px each) and never taller than the preview area. */
const naturalFit = (size: Size | undefined): CSSProperties =>
  size ? { maxWidth: `min(100%, ${size.width}px)`, aspectRatio: `${size.width} / ${size.height}` } : {};

/**
 * The original and the rendered result together: swiped over each other when they have the same
 * shape (slider at "Original" shows the original, at "Result" the result), side by side when not.
 */
export function CompareView({ originalUrl, resultUrl }: Props) {
  const [split, setSplit] = useState(50);
  const [painted, setPainted] = useState('');
  const [original, setOriginal] = useState<{ url: string; size: Size }>();
  const [result, setResult] = useState<{ url: string; size: Size }>();
  // The last loaded sizes stand until the new images arrive, so the layout does not flicker on every edit.
  const originalSize = original?.size;
  const resultSize = result?.size;
  const layout = compareLayout(originalSize, resultSize);
  const overlay = layout.kind === 'overlay';

  const onResult = (e: SyntheticEvent<HTMLImageElement>) => {
    const src = e.currentTarget.currentSrc;
    setResult({ url: resultUrl, size: naturalSize(e) });
    // Mark the frame that shows the new image (the builder bench measures up to this point).
    requestAnimationFrame(() => setPainted(src));
  };
  const frameStyle: CSSProperties | undefined = overlay
    ? { width: `min(100%, ${layout.frame.width}px, calc(60vh * ${layout.frame.width / layout.frame.height}))`, aspectRatio: `${layout.frame.width} / ${layout.frame.height}` }
    : undefined;

  return (
    <>
      <div className={`ub-compare ub-compare-${layout.kind}`} data-painted-url={painted} data-layout={layout.kind}>
        <div className="ub-compare-frame" role="group" aria-label="Original and result" style={frameStyle}>
          <figure className="ub-compare-item ub-compare-original">
            <img src={originalUrl} alt="Original" style={overlay ? undefined : naturalFit(originalSize)} onLoad={(e) => setOriginal({ url: originalUrl, size: naturalSize(e) })} />
            {!overlay && <figcaption>Original</figcaption>}
          </figure>
          <figure className="ub-compare-item ub-compare-result">
            <img src={resultUrl} alt="Preview" style={overlay ? { clipPath: resultClip(split) } : naturalFit(resultSize)} onLoad={onResult} />
            {!overlay && <figcaption>Result</figcaption>}
          </figure>
        </div>
      </div>
      {overlay ? (
        <label className="ub-compare-slider">
          <span>Original</span>
          <input type="range" aria-label="Compare with original" min={0} max={100} value={split} onChange={(e) => setSplit(Number(e.target.value))} />
          <span>Result</span>
        </label>
      ) : (
        layout.kind === 'side-by-side' &&
        originalSize &&
        resultSize && (
          <p className="ub-note">
            Shown side by side: the result ({resultSize.width} × {resultSize.height}) has another shape than the original ({originalSize.width} × {originalSize.height}).
          </p>
        )
      )}
    </>
  );
}
