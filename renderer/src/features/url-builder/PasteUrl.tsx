import { useState, type FormEvent } from 'react';
import type { ParsedUrlView } from '../../../../shared/domain/urls';
import { describeError } from '../../api/errors';
import { useParseUrl } from '../../api/urls';
import { useUrlBuilderStore } from './builder-store';

function summary(parsed: ParsedUrlView): string {
  const parts: string[] = [];
  if (parsed.pastedEndpoint) {
    parts.push(
      `Filled in from another URL endpoint (${parsed.pastedEndpoint})${parsed.exact ? '; building it there gives the same URL' : ''}.`,
      'The builder writes it under this profile’s URL endpoint, so the preview and the outputs come from this profile.',
    );
  } else {
    parts.push(parsed.exact ? 'Filled in; building it gives the same URL.' : 'Filled in; the rebuilt URL differs from the pasted one (see notes).');
    if (!parsed.underEndpoint) parts.push('It is not under this profile’s URL endpoint, so it is kept as an absolute URL, and the preview cannot request it.');
  }
  if (parsed.expired && parsed.expiresAt !== undefined) {
    parts.push(`Its signature expired at ${new Date(parsed.expiresAt * 1000).toISOString()}; set a new expiry before copying.`);
  }
  return parts.join(' ');
}

/** Paste an ImageKit URL and the builder fills itself in from it. */
export function PasteUrl() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<ParsedUrlView | undefined>();
  const parse = useParseUrl();
  const load = useUrlBuilderStore((s) => s.load);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A new attempt replaces the last answer, whether it fills the builder in or fails.
    setResult(undefined);
    parse.reset();
    try {
      const parsed = await parse.mutateAsync(text);
      load(parsed.draft);
      setResult(parsed);
    } catch {
      /* shown from parse.error */
    }
  };

  return (
    <form className="ub-paste" onSubmit={(e) => void submit(e)} aria-label="Paste a URL" noValidate>
      <label htmlFor="ub-paste-url">ImageKit URL</label>
      <div className="ub-row">
        <input id="ub-paste-url" type="url" placeholder="https://ik.imagekit.io/…" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={!text.trim() || parse.isPending}>
          Fill in from URL
        </button>
      </div>
      <div role="status" aria-label="Paste result" className="ub-note">
        {parse.error ? <span className="ub-error">Not filled in: {describeError(parse.error)}</span> : result ? summary(result) : null}
        {result && result.warnings.length > 0 && (
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
