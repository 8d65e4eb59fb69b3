import { useEffect, useMemo, useState } from 'react';
import type { UrlProblem } from '../../../../shared/domain/urls';
import { useUrlPreview } from '../../api/urls';
import { useUrlBuilderStore } from './builder-store';
import { toDraft, urlStepIndexes } from './draft';
import { OutputPanel } from './OutputPanel';
import { PasteUrl } from './PasteUrl';
import { PresetsPanel } from './PresetsPanel';
import { PreviewPanel } from './PreviewPanel';
import { StepList } from './StepList';
import { SourceField } from './SourceField';
import { UrlOptions } from './UrlOptions';
import { useBuilderIntent } from '../../ui/builder-intent';
import './url-builder.css';

/**
 * The transformation URL builder: compose chained steps by form, preview the result from the
 * active profile against the original, and copy the URL or markup. Building and signing run in the main
 * process; this view only ever holds the draft.
 */
export function UrlBuilder() {
  const { src, steps, position, query, signed, expiresIn, setSteps } = useUrlBuilderStore();
  // A file sent here from the Library ("Open in URL builder") becomes the source.
  const request = useBuilderIntent((s) => s.request);
  useEffect(() => {
    if (!request) return;
    const taken = useBuilderIntent.getState().take();
    if (!taken) return;
    const store = useUrlBuilderStore.getState();
    store.open(taken.filePath);
    if (taken.signed) store.setSigned(true);
  }, [request]);
  const draft = useMemo(() => toDraft({ src, steps, position, query, signed, expiresIn }), [src, steps, position, query, signed, expiresIn]);
  // At most one preview in flight: while one renders, edits (typing, a slider drag) coalesce into the
  // newest draft, sent as soon as it returns. A single change goes out at once, with no debounce delay.
  const [requested, setRequested] = useState(draft);
  const preview = useUrlPreview(requested, requested.src !== '');
  const waiting = JSON.stringify(requested) !== JSON.stringify(draft);
  useEffect(() => {
    if (!preview.isFetching && waiting) setRequested(draft);
  }, [draft, waiting, preview.isFetching]);

  // The main side numbers the steps that reach the URL; map them back onto the form's steps.
  const problemsByStep = useMemo(() => {
    const indexes = urlStepIndexes(steps);
    const map = new Map<number, UrlProblem[]>();
    for (const problem of preview.data?.built.problems ?? []) {
      if (problem.step === undefined) continue;
      const index = indexes[problem.step] ?? problem.step;
      map.set(index, [...(map.get(index) ?? []), problem]);
    }
    return map;
  }, [preview.data, steps]);

  return (
    <section className="url-builder" aria-label="URL builder">
      <div className="ub-edit">
        <SourceField />
        <PasteUrl />
        <h3>Steps</h3>
        <StepList steps={steps} onChange={setSteps} context={undefined} depth={0} prefix="" problemsByStep={problemsByStep} />
        <UrlOptions />
        <PresetsPanel />
      </div>
      <div className="ub-result">
        <PreviewPanel preview={preview.data} pending={preview.isFetching || waiting} error={preview.error} hasSrc={draft.src !== ''} />
        <OutputPanel draft={requested} preview={preview.data} />
      </div>
    </section>
  );
}
