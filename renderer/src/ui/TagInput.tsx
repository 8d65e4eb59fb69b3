import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLibraryTags } from '../api/editing';
import { parseTags } from './tag-text';
import './tag-input.css';

interface Props {
  /** The input's accessible name, e.g. "Add tags". */
  label: string;
  /** What the submit button says, e.g. "Add" or "Remove from 3 files". */
  actions: Array<{ label: string; run(tags: string[]): void }>;
  /** Tags not worth suggesting (already on the file). */
  exclude?: readonly string[];
  disabled?: boolean;
}

const MAX_SUGGESTIONS = 8;

/**
 * A tag entry with autocomplete from the tags already used in the library (a combobox: arrows move
 * through suggestions, Enter takes one, commas separate several tags).
 */
export function TagInput({ label, actions, exclude = [], disabled }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const vocabulary = useLibraryTags(open);
  const listId = useId();
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(closeTimer.current), []);

  // Suggest for the tag being typed: the text after the last comma.
  const lastComma = text.lastIndexOf(',');
  const fragment = text.slice(lastComma + 1).trim().toLowerCase();
  const suggestions = useMemo(() => {
    if (!fragment) return [];
    const taken = new Set([...exclude, ...parseTags(text)].map((t) => t.toLowerCase()));
    return (vocabulary.data?.tags ?? [])
      .filter((t) => t.tag.toLowerCase().includes(fragment) && !taken.has(t.tag.toLowerCase()))
      .slice(0, MAX_SUGGESTIONS);
  }, [fragment, exclude, text, vocabulary.data]);
  const showList = open && suggestions.length > 0;

  const take = (tag: string) => {
    setText(`${text.slice(0, lastComma + 1)}${lastComma >= 0 ? ' ' : ''}${tag}, `);
    setActive(-1);
  };

  const run = (action: Props['actions'][number]) => {
    const tags = parseTags(text);
    if (tags.length === 0) return;
    action.run(tags);
    setText('');
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && suggestions.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (showList && active >= 0) take(suggestions[active]!.tag);
      else if (actions[0]) run(actions[0]);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <div className="tag-input">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="tag, another tag"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          // A blur just before (click elsewhere, then back in) must not close the list after this focus.
          clearTimeout(closeTimer.current);
          setOpen(true);
        }}
        onBlur={() => {
          closeTimer.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {actions.map((action) => (
        <button key={action.label} type="button" disabled={disabled || parseTags(text).length === 0} onClick={() => run(action)}>
          {action.label}
        </button>
      ))}
      <ul role="listbox" id={listId} aria-label="Tag suggestions" className="tag-suggestions" hidden={!showList}>
        {suggestions.map((s, i) => (
          <li
            key={s.tag}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              take(s.tag);
            }}
          >
            {s.tag} <span className="muted">({s.count})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
