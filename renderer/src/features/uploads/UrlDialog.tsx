import { useId, useState } from 'react';
import { Modal } from '../../ui/Modal';
import { useUploadsUi } from './uploads-store';

/** Splits pasted text into http(s) URLs; anything else is named back to the person. */
export function parseUrls(text: string): { urls: string[]; bad: string[] } {
  const urls: string[] = [];
  const bad: string[] = [];
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    try {
      const u = new URL(token);
      if (u.protocol === 'http:' || u.protocol === 'https:') urls.push(u.href);
      else bad.push(token);
    } catch {
      bad.push(token);
    }
  }
  return { urls: [...new Set(urls)], bad };
}

/** "Upload from URLs…": one or many links, which ImageKit fetches itself. */
export function UrlDialog() {
  const titleId = useId();
  const { urlDraft, closeUrlDialog, propose } = useUploadsUi();
  const [text, setText] = useState(urlDraft);
  const [error, setError] = useState<string | null>(null);
  const next = () => {
    const { urls, bad } = parseUrls(text);
    if (bad.length) return setError(`Not a web address: ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? '…' : ''}. Use http:// or https:// links.`);
    if (urls.length === 0) return setError('Enter at least one link.');
    propose({ kind: 'urls', urls });
  };
  return (
    <Modal labelledBy={titleId} onClose={closeUrlDialog}>
      <form
        className="upload-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        <h2 id={titleId}>Upload from URLs</h2>
        <label>
          Links (one per line)
          <textarea autoFocus rows={6} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {error && <p role="alert">{error}</p>}
        <div className="upload-dialog-buttons">
          <button type="button" onClick={closeUrlDialog}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Next
          </button>
        </div>
      </form>
    </Modal>
  );
}
