import { useUrlBuilderStore } from './builder-store';

/** Where the transformation goes (path or query), extra query parameters, and signing with an optional expiry. */
export function UrlOptions() {
  const { position, query, signed, expiresIn, setPosition, setQuery, setSigned, setExpiresIn } = useUrlBuilderStore();
  const expiryInvalid = signed && expiresIn.trim() !== '' && !(Number.isInteger(Number(expiresIn)) && Number(expiresIn) > 0);

  return (
    <fieldset className="ub-options">
      <legend>URL options</legend>
      <div role="radiogroup" aria-label="Transformation position" className="ub-row">
        {(['path', 'query'] as const).map((p) => (
          <label key={p}>
            <input type="radio" name="ub-position" checked={position === p} onChange={() => setPosition(p)} />
            {p === 'path' ? 'In the path (/tr:…/)' : 'As a query (?tr=…)'}
          </label>
        ))}
      </div>

      <div role="group" aria-label="Query parameters" className="ub-query">
        {query.map((row, index) => (
          <div key={index} className="ub-row">
            <input
              aria-label={`Query parameter ${index + 1} name`}
              type="text"
              value={row.name}
              onChange={(e) => setQuery(query.map((r, i) => (i === index ? { ...r, name: e.target.value } : r)))}
            />
            <span>=</span>
            <input
              aria-label={`Query parameter ${index + 1} value`}
              type="text"
              value={row.value}
              onChange={(e) => setQuery(query.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)))}
            />
            <button type="button" aria-label={`Remove query parameter ${index + 1}`} onClick={() => setQuery(query.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setQuery([...query, { name: '', value: '' }])}>
          Add query parameter
        </button>
      </div>

      <div className="ub-row">
        <label>
          <input type="checkbox" checked={signed} onChange={(e) => setSigned(e.target.checked)} />
          Signed URL
        </label>
        <label>
          Expires in (seconds)
          <input
            type="number"
            min={1}
            disabled={!signed}
            placeholder="never"
            value={expiresIn}
            aria-invalid={expiryInvalid || undefined}
            onChange={(e) => setExpiresIn(e.target.value)}
          />
        </label>
      </div>
      {expiryInvalid && <p className="ub-error">Expiry must be a whole number of seconds greater than 0.</p>}
    </fieldset>
  );
}
