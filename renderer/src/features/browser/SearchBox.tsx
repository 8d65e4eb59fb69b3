import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SearchScope } from '../../../../shared/domain/library';
import { useRecentSearches } from '../../api/library';
import { describeError } from '../../api/errors';
import { useBrowserStore, type SearchMode } from '../../ui/browser-store';

/** How long typing must pause before a name search runs (one search per word typed, not per key). */
const NAME_SEARCH_PAUSE_MS = 200;

export interface SearchBoxProps {
  /** The failure of the applied searchQuery (ImageKit's 400), shown under the box. */
  queryError: unknown;
}

/**
 * The library's search: ImageKit's searchQuery language, or plain name search (substring, from the
 * local index, applied as you type), in the open folder or the whole library. Enter applies; Escape or Clear goes back to
 * the folder listing. A rejected query keeps the text and shows ImageKit's message right below it.
 */
export function SearchBox({ queryError }: SearchBoxProps) {
  const applied = useBrowserStore((s) => s.search);
  const applySearch = useBrowserStore((s) => s.applySearch);
  const recent = useRecentSearches();
  const [text, setText] = useState(applied?.text ?? '');
  const [mode, setMode] = useState<SearchMode>(applied?.mode ?? 'name');
  const [scope, setScope] = useState<SearchScope>(applied?.scope ?? 'folder');
  const ids = { error: useId(), hint: useId() };

  // Opening another folder clears a folder-scoped search; the box follows.
  useEffect(() => {
    if (!applied) setText('');
  }, [applied]);

  // Name search answers from the local index, so it follows the typing (after a short pause) without Enter.
  useEffect(() => {
    if (mode !== 'name') return;
    const trimmed = text.trim();
    const current = useBrowserStore.getState().search;
    if (!trimmed) {
      if (current?.mode === 'name') applySearch(null);
      return;
    }
    if (current?.mode === 'name' && current.text === trimmed && current.scope === scope) return;
    const timer = setTimeout(() => applySearch({ mode: 'name', text: trimmed, scope }), NAME_SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, mode, scope, applySearch]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    applySearch(trimmed ? { mode, text: trimmed, scope } : null);
  };
  const clear = () => {
    setText('');
    applySearch(null);
  };

  const showError = Boolean(queryError) && applied?.mode === 'query';
  const suggestions = (recent.data ?? []).filter((r) => r.kind === mode);

  return (
    <form className="search-box" role="search" aria-label="Library search" onSubmit={submit}>
      <input
        type="search"
        aria-label="Search"
        placeholder={mode === 'query' ? 'name : "sale" AND createdAt > "7d"' : 'Part of a file name'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            clear();
          }
        }}
        aria-invalid={showError || undefined}
        aria-describedby={showError ? ids.error : ids.hint}
        spellCheck={false}
      />
      <select aria-label="Search by" value={mode} onChange={(e) => setMode(e.target.value as SearchMode)}>
        <option value="name">Name contains</option>
        <option value="query">Search query</option>
      </select>
      <select aria-label="Search in" value={scope} onChange={(e) => setScope(e.target.value as SearchScope)}>
        <option value="folder">This folder</option>
        <option value="library">Whole library</option>
      </select>
      <button type="submit">Search</button>
      {suggestions.length > 0 && (
        <select
          aria-label="Recent searches"
          value=""
          onChange={(e) => {
            const picked = e.target.value;
            if (!picked) return;
            setText(picked);
            applySearch({ mode, text: picked, scope });
          }}
        >
          <option value="">Recent…</option>
          {suggestions.map((r) => (
            <option key={`${r.kind}:${r.text}`} value={r.text}>
              {r.text}
            </option>
          ))}
        </select>
      )}
      {applied && (
        <button type="button" onClick={clear}>
          Clear search
        </button>
      )}
      <span id={ids.hint} className="visually-hidden">
        {mode === 'query' ? 'ImageKit search query language, for example name : "sale" AND size > "1mb".' : 'Matches any part of a file name.'}
      </span>
      {showError && (
        <p id={ids.error} className="search-error" role="alert">
          {describeError(queryError).replace(/^Could not search: /, 'ImageKit rejected the query: ')}
        </p>
      )}
    </form>
  );
}
