import type { ConnectionStatus } from '../../../../shared/domain/connection';
import { ApiError } from '../../api/errors';

interface ConnectionResultProps {
  result: ConnectionStatus | ApiError | null;
  pending: boolean;
}

/** The Profile dialog's live region: the outcome of the last test or save, in words. */
export function ConnectionResult({ result, pending }: ConnectionResultProps) {
  let text = '';
  let state = 'idle';
  if (pending) {
    text = 'Checking…';
    state = 'busy';
  } else if (result instanceof ApiError) {
    text = result.message;
    state = 'bad';
  } else if (result) {
    text = result.message;
    state = result.state === 'connected' ? 'ok' : result.state === 'checking' || result.state === 'unknown' ? 'busy' : 'bad';
  }
  return (
    <div className="connection-result" role="status" aria-label="Test result" data-state={state}>
      {text}
    </div>
  );
}
