import { collectDrop, isUploadDrag, type Collected } from './collect-sources';

/**
 * The uploads overlay loads after the first screen; a drop made before it is mounted would otherwise
 * be lost (or, without a dragover that accepts it, make the browser open the file in place of the app).
 * This small listener, part of the first load, accepts such drops and keeps what they held until the
 * overlay takes over. The drop's DataTransfer is only readable during the event, so it is read here.
 */
let pending: Array<Promise<Collected>> = [];
let installed = false;

const onDragOver = (e: DragEvent) => {
  if (!e.dataTransfer || !isUploadDrag([...e.dataTransfer.types])) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
};

const onDrop = (e: DragEvent) => {
  if (!e.dataTransfer || !isUploadDrag([...e.dataTransfer.types]) || e.defaultPrevented) return;
  e.preventDefault();
  pending.push(collectDrop(e.dataTransfer));
};

export function catchEarlyDrops(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
}

/** The overlay is mounted: stop catching and hand over what was dropped before it. */
export function takeEarlyDrops(): Array<Promise<Collected>> {
  if (installed) {
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
    installed = false;
  }
  const taken = pending;
  pending = [];
  return taken;
}
