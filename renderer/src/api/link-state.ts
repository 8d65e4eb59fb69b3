import { useSyncExternalStore } from 'react';
import { linkState, onLinkState } from './transport';

/** The state of the link to the host (WebSocket in a browser; always 'open' in Electron). */
export function useLinkState() {
  return useSyncExternalStore(onLinkState, linkState, () => 'open' as const);
}
