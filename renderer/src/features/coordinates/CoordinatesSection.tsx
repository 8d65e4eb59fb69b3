import { useRef, useState, type PointerEvent } from 'react';
import { formatCoordinates, parseCoordinates, type CoordinatesBox } from '../../../../shared/domain/editing';
import type { DetailsSectionProps } from '../../ui/details-sections';
import { useUpdateFile } from '../../api/editing';
import { describeError } from '../../api/errors';
import { boxFromDrag } from './geometry';
import { useDeliverySrc } from './use-delivery-src';
import './coordinates.css';

const PREVIEW_PX = 600;
const CROP_PX = 160;

/**
 * Custom coordinates: draw the focus box on the preview (or type it), stored by ImageKit as
 * `x,y,width,height` in the original's pixels; `fo-custom` crops around it, shown live below.
 */
export function CoordinatesSection({ file }: DetailsSectionProps) {
  const update = useUpdateFile();
  const stage = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: [number, number]; end: [number, number] } | null>(null);
  const [draft, setDraft] = useState<CoordinatesBox | null>(null);
  // Private files are drawn and cropped through signed URLs, as their thumbnails are.
  const preview = useDeliverySrc(file, `w-${PREVIEW_PX}`);
  const crop = useDeliverySrc(file, `w-${CROP_PX},h-${CROP_PX},fo-custom`);
  const stored = parseCoordinates(file.customCoordinates);
  const width = file.width ?? 0;
  const height = file.height ?? 0;
  if (file.fileType !== 'image' || !width || !height) return null;

  const fraction = (e: PointerEvent): [number, number] => {
    const rect = stage.current!.getBoundingClientRect();
    return [(e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height];
  };
  const onDown = (e: PointerEvent) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const at = fraction(e);
    setDrag({ start: at, end: at });
  };
  const onMove = (e: PointerEvent) => drag && setDrag({ ...drag, end: fraction(e) });
  const onUp = (e: PointerEvent) => {
    if (!drag) return;
    const box = boxFromDrag(drag.start, fraction(e), width, height);
    setDrag(null);
    if (box) setDraft(box);
  };

  const shown = drag ? boxFromDrag(drag.start, drag.end, width, height) : (draft ?? stored);
  const save = (value: string | null) =>
    update.mutate({ fileId: file.fileId, edit: { customCoordinates: value } }, { onSuccess: () => setDraft(null) });
  const setField = (key: keyof CoordinatesBox, text: string) => {
    const base = draft ?? stored ?? { x: 0, y: 0, width, height };
    const n = Math.max(0, Math.round(Number(text) || 0));
    setDraft({ ...base, [key]: n });
  };

  return (
    <section className="details-section coordinates-section" aria-label="Custom coordinates">
      <h3>Custom coordinates</h3>
      <p className="muted">Drag on the picture to mark the area that crops with fo-custom must keep.</p>
      <div
        ref={stage}
        className="coordinates-stage"
        role="application"
        aria-label="Draw focus area"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
      >
        {preview.src ? (
          <img src={preview.src} alt={`${file.name} preview for drawing`} draggable={false} />
        ) : (
          <p role="status">{preview.signingFailed ? 'The private file’s preview could not be signed; type the coordinates below.' : 'Signing the preview…'}</p>
        )}
        {shown && (
          <div
            className="coordinates-box"
            role="img"
            aria-label={`Focus area ${formatCoordinates(shown)}`}
            style={{
              left: `${(shown.x / width) * 100}%`,
              top: `${(shown.y / height) * 100}%`,
              width: `${(shown.width / width) * 100}%`,
              height: `${(shown.height / height) * 100}%`,
            }}
          />
        )}
      </div>
      <div className="coordinates-fields">
        {(['x', 'y', 'width', 'height'] as const).map((key) => (
          <label key={key}>
            {key}
            <input type="number" min={0} value={shown?.[key] ?? ''} onChange={(e) => setField(key, e.target.value)} />
          </label>
        ))}
      </div>
      <p>
        Stored: <output aria-label="Stored coordinates">{file.customCoordinates || 'none'}</output>
        {draft && <> · New: {formatCoordinates(draft)}</>}
      </p>
      <div className="form-actions">
        <button type="button" className="primary" disabled={!draft || update.isPending} onClick={() => draft && save(formatCoordinates(draft))}>
          Save coordinates
        </button>
        <button type="button" disabled={(!stored && !draft) || update.isPending} onClick={() => (draft ? setDraft(null) : save(null))}>
          {draft ? 'Discard' : 'Clear coordinates'}
        </button>
      </div>
      {update.isError && <p role="alert">{describeError(update.error)}</p>}
      {stored && (
        <figure className="focus-crop">
          {crop.src && <img src={crop.src} alt="Focus crop preview" width={CROP_PX} height={CROP_PX} />}
          <figcaption>
            A {CROP_PX}×{CROP_PX} crop with fo-custom
          </figcaption>
        </figure>
      )}
    </section>
  );
}
