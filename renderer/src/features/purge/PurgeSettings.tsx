import { useEffect, useId, useState } from 'react';
import { parseTransformationList } from '../../../../shared/purge/variants';
import { usePurgeSettings, useUpdatePurgeSettings } from '../../api/purge';
import { describeError } from '../../api/errors';

/** The monthly allowance and the transformations whose variants suggestions include. */
export function PurgeSettings() {
  const settings = usePurgeSettings();
  const update = useUpdatePurgeSettings();
  const quotaId = useId();
  const trId = useId();
  const [quota, setQuota] = useState('');
  const [transformations, setTransformations] = useState('');
  // While the person is editing, a refetch (focus, reconnect, another window) must not overwrite the form.
  const [dirty, setDirty] = useState(false);
  const loaded = settings.data !== undefined;

  useEffect(() => {
    if (!settings.data || dirty) return;
    setQuota(String(settings.data.monthlyQuota));
    setTransformations(settings.data.transformationsInUse.join('\n'));
  }, [settings.data, dirty]);

  const quotaNumber = Number(quota);
  const quotaValid = Number.isInteger(quotaNumber) && quotaNumber >= 1;

  return (
    <details className="purge-settings">
      <summary>Purge settings</summary>
      <form
        aria-label="Purge settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (!quotaValid) return;
          update.mutate(
            { monthlyQuota: quotaNumber, transformationsInUse: parseTransformationList(transformations) },
            { onSuccess: () => setDirty(false) },
          );
        }}
      >
        <label htmlFor={quotaId}>Monthly quota (URLs)</label>
        <input id={quotaId} type="number" min={1} value={quota} aria-invalid={!quotaValid || undefined} disabled={!loaded} onChange={(e) => {
            setDirty(true);
            setQuota(e.target.value);
          }} />
        <label htmlFor={trId}>Transformations in use (one per line: w-300,h-200 for /tr: URLs, ?tr=w-300 for query URLs)</label>
        <textarea id={trId} rows={3} value={transformations} spellCheck={false} disabled={!loaded} onChange={(e) => {
            setDirty(true);
            setTransformations(e.target.value);
          }} />
        {update.isError && <p role="alert">Could not save: {describeError(update.error)}</p>}
        {update.isSuccess && !dirty && <p role="status">Saved.</p>}
        <button type="submit" disabled={!loaded || !quotaValid || update.isPending}>
          Save settings
        </button>
      </form>
    </details>
  );
}
