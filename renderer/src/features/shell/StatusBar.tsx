import { useActiveProfile, useConnectionStatus } from '../../api/profiles';
import { useLinkState } from '../../api/link-state';
import { describeError } from '../../api/errors';
import type { ConnectionState } from '../../../../shared/domain/connection';

const tone: Record<ConnectionState, 'ok' | 'busy' | 'bad' | 'idle'> = {
  unknown: 'idle',
  checking: 'busy',
  connected: 'ok',
  key_rejected: 'bad',
  unreachable: 'bad',
  error: 'bad',
};

/** Bottom bar: which profile is open and whether its ImageKit API answers. */
export function StatusBar() {
  const link = useLinkState();
  const status = useConnectionStatus();
  const active = useActiveProfile();

  let text: string;
  let state: 'ok' | 'busy' | 'bad' | 'idle';
  if (link === 'lost') {
    text = 'Lost the connection to the MediaDesk host. Reconnecting…';
    state = 'bad';
  } else if (link === 'closed' && status.isError) {
    text = describeError(status.error);
    state = 'bad';
  } else if (status.data) {
    text = status.data.message;
    state = tone[status.data.state];
  } else if (status.isError) {
    text = describeError(status.error);
    state = 'bad';
  } else {
    text = 'Checking connection…';
    state = 'busy';
  }

  return (
    <footer className="status-bar" role="status" aria-label="Connection status" data-state={state}>
      <span className="status-dot" aria-hidden="true" />
      {active && <span className="status-profile">{active.name}:</span>}
      <span className="status-text">{text}</span>
    </footer>
  );
}
