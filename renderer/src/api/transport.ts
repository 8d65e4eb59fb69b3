import type { ApiBridge } from './bridge-types';
import { createWsBridge, TransportError, type LinkState, type WsBridge } from './ws-bridge';

/**
 * Picks the bridge to the main side: Electron's preload defines window.api; in a plain browser the
 * web host's WebSocket stands in for it. Everything else in the renderer goes through client.ts.
 */
let bridge: ApiBridge | undefined;
let wsBridge: WsBridge | undefined;

const TOKEN_KEY = 'mediadesk.token';

/**
 * The web host hands the page its per-run token in the URL fragment (never sent over HTTP). Keep it
 * for reloads in sessionStorage and drop it from the address bar so it does not linger in history.
 */
export function takeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | undefined {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', loc.pathname + loc.search + (rest ? `#${rest}` : ''));
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY) ?? undefined;
}

export function webSocketUrl(loc: Location, token: string): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/ws?token=${encodeURIComponent(token)}`;
}

/** A bridge whose every call fails with one plain explanation (no preload, no token). */
function unavailableBridge(reason: string): ApiBridge {
  return {
    invoke: () => Promise.reject(new TransportError(reason)),
    on: () => () => undefined,
  };
}

export function getBridge(): ApiBridge {
  if (bridge) return bridge;
  if (window.api) {
    bridge = window.api;
  } else {
    const token = takeToken();
    if (token) {
      wsBridge = createWsBridge(webSocketUrl(window.location, token));
      bridge = wsBridge;
    } else {
      bridge = unavailableBridge(
        'This page has no access key. Open MediaDesk through the link printed by `npm start` or `npm run web`.',
      );
    }
  }
  return bridge;
}

/**
 * The web host's token for its HTTP upload (`PUT /uploads/stage`, token in a header), or null in Electron,
 * whose window hands files over by path or through IPC instead.
 */
export function webUploadToken(): string | null {
  getBridge();
  return wsBridge ? (takeToken() ?? null) : null;
}

/** State of the link to the host; Electron's IPC is always 'open'. */
export function linkState(): LinkState {
  getBridge();
  return wsBridge ? wsBridge.linkState() : 'open';
}

export function onLinkState(listener: (state: LinkState) => void): () => void {
  getBridge();
  return wsBridge ? wsBridge.onLinkState(listener) : () => undefined;
}

/** Tests install their own bridge (a fake window.api or a WebSocket to a real host). */
export function setBridgeForTests(next: ApiBridge | undefined): void {
  bridge = next;
  wsBridge = undefined;
}
