import type { PurgeSuggestionView } from '../../../../shared/domain/purge';
import { useChangeWatch, useDismissSuggestion, usePurgeSuggestions } from '../../api/purge';
import { describeError } from '../../api/errors';
import { usePurgeFormStore } from './purge-form-store';

const reasonWords: Record<PurgeSuggestionView['reason'], string> = {
  overwrite: 'Overwritten',
  restore: 'Version restored',
  rename: 'Renamed',
  unpublish: 'Unpublished',
};

/** Purges MediaDesk suggests after a file changed; "Review" copies the URLs into the purge list. */
export function Suggestions() {
  const suggestions = usePurgeSuggestions();
  const watch = useChangeWatch();
  const dismiss = useDismissSuggestion();
  const prefill = usePurgeFormStore((s) => s.prefill);

  return (
    <section aria-labelledby="purge-suggestions-heading" className="purge-section">
      <div className="purge-section-head">
        <h2 id="purge-suggestions-heading">Suggested purges</h2>
        <button type="button" onClick={() => void watch.refetch()} disabled={watch.isFetching}>
          {watch.isFetching ? 'Checking…' : 'Check for changes'}
        </button>
      </div>
      {watch.isError && <p role="alert">Could not check for changed files: {describeError(watch.error)}</p>}
      {suggestions.data?.length === 0 && <p className="muted">Nothing to purge: no file changed since the last check.</p>}
      {suggestions.data && suggestions.data.length > 0 && (
        <ul className="purge-suggestions" aria-label="Suggested purges">
          {suggestions.data.map((s) => {
            const title = `${reasonWords[s.reason]}: ${s.filePath ?? s.urls[0]}`;
            return (
              <li key={s.id} aria-label={title} className="purge-suggestion">
                <strong>{title}</strong>
                <ul className="purge-suggestion-urls">
                  {s.urls.map((u) => (
                    <li key={u}>
                      <code>{u}</code>
                    </li>
                  ))}
                </ul>
                <div className="purge-actions">
                  <button type="button" className="primary" onClick={() => prefill(s.urls, s.id)}>
                    Review and purge
                  </button>
                  <button type="button" onClick={() => dismiss.mutate(s.id)} disabled={dismiss.isPending}>
                    Dismiss
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
