import { useId, useMemo } from 'react';
import { checkPurgeList, splitUrlList } from '../../../../shared/purge/purge-rules';
import { MAX_URLS_PER_REQUEST, toBatches } from '../../../../shared/purge/batches';
import { checkQuota } from '../../../../shared/purge/quota';
import { usePurgeQuota, usePurgeSettings, useSubmitPurge } from '../../api/purge';
import { describeError } from '../../api/errors';
import { usePurgeFormStore } from './purge-form-store';

/**
 * Paste URLs, see each refused one with ImageKit's rule it breaks, and send the rest in requests of
 * at most 100. Nothing is sent while any line is refused or the quota would be exceeded.
 */
export function PurgeForm() {
  const { text, suggestionId, setText, clear } = usePurgeFormStore();
  const settings = usePurgeSettings();
  const quota = usePurgeQuota();
  const submit = useSubmitPurge();
  const listId = useId();
  const summaryId = useId();

  const lines = useMemo(() => splitUrlList(text), [text]);
  const checked = useMemo(() => (settings.data ? checkPurgeList(lines, settings.data.urlEndpoint) : undefined), [lines, settings.data]);
  const requestCount = checked ? toBatches(checked.valid).length : 0;
  const room = checked && quota.data ? checkQuota(checked.valid.length, quota.data.used, quota.data.monthlyQuota) : undefined;
  const blocked = !checked || checked.valid.length === 0 || checked.refused.length > 0 || (room !== undefined && !room.ok) || submit.isPending;

  return (
    <form
      className="purge-form"
      aria-label="Purge URLs"
      onSubmit={(event) => {
        event.preventDefault();
        if (blocked || !checked) return;
        submit.mutate({ urls: checked.valid, suggestionId }, { onSuccess: clear });
      }}
    >
      <label htmlFor={listId}>URLs to purge (one per line)</label>
      <textarea
        id={listId}
        rows={6}
        value={text}
        spellCheck={false}
        aria-describedby={summaryId}
        aria-invalid={checked && checked.refused.length > 0 ? true : undefined}
        placeholder={settings.data ? `${settings.data.urlEndpoint}/folder/file.jpg` : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={summaryId} className="muted" role="status" aria-label="Purge list summary">
        {lines.length === 0
          ? `Paste URLs; each request carries at most ${MAX_URLS_PER_REQUEST}.`
          : `${checked?.valid.length ?? 0} URL${checked?.valid.length === 1 ? '' : 's'} in ${requestCount} request${requestCount === 1 ? '' : 's'}` +
            (checked?.refused.length ? `, ${checked.refused.length} refused` : '') +
            (checked?.duplicates.length ? `, ${checked.duplicates.length} duplicate${checked.duplicates.length === 1 ? '' : 's'} ignored` : '') +
            '.'}
      </p>
      {checked && checked.refused.length > 0 && (
        <ul className="purge-refused" aria-label="Refused URLs">
          {checked.refused.map((r, i) => (
            <li key={`${i}-${r.url}`}>
              <code>{r.url || '(empty)'}</code>
              <span className="purge-reason">{r.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {room && !room.ok && <p role="alert">{room.reason}</p>}
      {submit.isError && <p role="alert">Could not purge: {describeError(submit.error)}</p>}
      <div className="purge-actions">
        <button type="submit" className="primary" disabled={blocked}>
          {submit.isPending ? 'Purging…' : 'Purge'}
        </button>
        {text && (
          <button type="button" onClick={clear}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
