import type { PurgeRequestView } from '../../../../shared/domain/purge';
import { usePurgeRequests } from '../../api/purge';
import { describeError } from '../../api/errors';

const stateWords: Record<PurgeRequestView['state'], string> = { pending: 'Pending', completed: 'Completed', failed: 'Failed' };

function RequestItem({ request }: { request: PurgeRequestView }) {
  const done = request.urls.filter((u) => u.state === 'completed').length;
  const failed = request.urls.filter((u) => u.state === 'failed');
  const label = `Request of ${new Date(request.createdAt).toLocaleString()}: ${request.urls.length} URL${request.urls.length === 1 ? '' : 's'}, ${stateWords[request.state]}`;
  return (
    <li className="purge-request" aria-label={label} data-state={request.state}>
      <div className="purge-request-head">
        <span className="purge-state">{stateWords[request.state]}</span>
        <span>
          {request.urls.length} URL{request.urls.length === 1 ? '' : 's'} · {done} completed
          {failed.length ? ` · ${failed.length} failed` : ''}
        </span>
        <time className="muted" dateTime={request.createdAt}>
          {new Date(request.createdAt).toLocaleString()}
        </time>
      </div>
      <details>
        <summary>URLs</summary>
        <ul className="purge-request-urls">
          {request.urls.map((u) => (
            <li key={u.url}>
              <code>{u.url}</code> <span className="muted">{stateWords[u.state === 'sending' ? 'pending' : u.state]}</span>
              {u.error && <span className="purge-reason"> {u.error}</span>}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The profile's purge history, newest first; pending requests update as ImageKit completes them. */
export function RequestList() {
  const requests = usePurgeRequests();
  return (
    <section aria-labelledby="purge-history-heading" className="purge-section">
      <h2 id="purge-history-heading">Purge requests</h2>
      {requests.isPending && <p className="muted">Loading history…</p>}
      {requests.isError && <p role="alert">Could not load the history: {describeError(requests.error)}</p>}
      {requests.data?.length === 0 && <p className="muted">No purges yet.</p>}
      {requests.data && requests.data.length > 0 && (
        <ul className="purge-requests" aria-label="Purge requests">
          {requests.data.map((r) => (
            <RequestItem key={r.id} request={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
