import type { ApiBridge } from '../../../shared/ipc/wire';

/**
 * `window.api`: defined by the Electron preload; absent in a plain browser, where transport.ts
 * builds the same object over the web host's WebSocket. Only src/api/ reads it.
 */
declare global {
  interface Window {
    api?: ApiBridge;
  }
}

export type { ApiBridge };
