import { getBridge } from './transport';

/**
 * Desktop app only: hands a drag of these files' originals to the OS as real files (Electron's
 * webContents.startDrag). False where the host cannot (the web host), so the caller keeps its own drag.
 */
export function nativeDragOut(fileIds: string[]): boolean {
  const bridge = getBridge();
  if (!bridge.startDrag || fileIds.length === 0) return false;
  bridge.startDrag({ fileIds });
  return true;
}
