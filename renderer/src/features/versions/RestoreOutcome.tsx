import { usePurgeUrls } from '../../api/editing';
import { describeError } from '../../api/errors';

export interface Restored {
  versionName: string;
  purgeUrls: string[];
  purgeSuggestionId: string | null;
}

/**
 * After a restore the CDN may keep serving the replaced picture until its cache expires: say so and
 * offer to purge the file's URL right away (the purge centre also lists the suggestion).
 */
export function RestoreOutcome({ restored, onDone }: { restored: Restored; onDone(): void }) {
  const purge = usePurgeUrls();
  const submit = () =>
    purge.mutate({ urls: restored.purgeUrls, ...(restored.purgeSuggestionId ? { suggestionId: restored.purgeSuggestionId } : {}) });
  return (
    <div role="status" aria-label="Restore result" className="restore-outcome">
      <p>
        {restored.versionName} is the current version again. Cached copies of its URL may still show the previous picture until
        they are purged.
      </p>
      {purge.isSuccess ? (
        <p>Purge requested for {restored.purgeUrls.join(', ')}. Follow it in the Purge view.</p>
      ) : (
        <button type="button" className="primary" disabled={purge.isPending} onClick={submit}>
          Purge cached URL
        </button>
      )}
      {purge.isError && <p role="alert">{describeError(purge.error)}</p>}
      <button type="button" onClick={onDone}>
        Dismiss
      </button>
    </div>
  );
}
