import { useState } from 'react';
import type { DetailsSectionProps } from '../../ui/details-sections';
import { useTagAction, type TagAction } from '../../api/editing';
import { describeError } from '../../api/errors';
import { TagInput } from '../../ui/TagInput';
import './tags.css';

function confidenceText(confidence: number | null | undefined): string {
  if (confidence === null || confidence === undefined) return '—';
  // ImageKit reports 0–100; a 0–1 score is shown the same way.
  return `${Math.round(confidence <= 1 ? confidence * 100 : confidence)}%`;
}

/** One file's tags (add with autocomplete, remove) and AI tags (remove, or promote to plain tags). */
export function TagsSection({ file }: DetailsSectionProps) {
  const tagAction = useTagAction();
  const [message, setMessage] = useState<string | null>(null);
  const tags = file.tags ?? [];
  const aiTags = file.AITags ?? [];

  const run = (action: TagAction, names: string[]) => {
    setMessage(null);
    tagAction.mutate(
      { action, fileIds: [file.fileId], tags: names },
      {
        onSuccess: (outcome) => outcome.failed[0] && setMessage(outcome.failed[0].message),
        onError: (e) => setMessage(describeError(e)),
      },
    );
  };

  return (
    <section className="details-section tags-section" aria-label="Tags">
      <h3>Tags</h3>
      {tags.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className="tag-chips" aria-label="File tags">
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              <button type="button" aria-label={`Remove tag ${tag}`} disabled={tagAction.isPending} onClick={() => run('remove', [tag])}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <TagInput label="Add tags" exclude={tags} disabled={tagAction.isPending} actions={[{ label: 'Add', run: (names) => run('add', names) }]} />
      <h4>AI tags</h4>
      {aiTags.length === 0 ? (
        <p className="muted">No AI tags. ImageKit adds them when auto-tagging runs on upload.</p>
      ) : (
        <>
          <table className="ai-tags" aria-label="AI tags">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Confidence</th>
                <th scope="col">Source</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {aiTags.map((t) => (
                <tr key={`${t.name}-${t.source ?? ''}`}>
                  <th scope="row">{t.name}</th>
                  <td>{confidenceText(t.confidence)}</td>
                  <td>{t.source ?? '—'}</td>
                  <td>
                    <button type="button" aria-label={`Make ${t.name} a plain tag`} disabled={tagAction.isPending} onClick={() => run('promoteAI', [t.name])}>
                      Make tag
                    </button>
                    <button type="button" aria-label={`Remove AI tag ${t.name}`} disabled={tagAction.isPending} onClick={() => run('removeAI', [t.name])}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="ai-bulk">
            <button type="button" disabled={tagAction.isPending} onClick={() => run('promoteAI', aiTags.map((t) => t.name))}>
              Make all plain tags
            </button>
            <button type="button" disabled={tagAction.isPending} onClick={() => run('removeAI', aiTags.map((t) => t.name))}>
              Remove all AI tags
            </button>
          </div>
        </>
      )}
      {message && <p role="alert">{message}</p>}
    </section>
  );
}
