import { useEffect, useMemo, useState } from 'react';
import type { UrlProblem } from '../../../../shared/domain/urls';
import { useBuiltUrl, useUrlPreview } from '../../api/urls';
import { useUrlBuilderStore } from './builder-store';
import { urlStepIndexes } from './draft';
import { FieldScopeContext, fieldScopeFor } from './field-scope';
import { ModePicker } from './ModePicker';
import { StreamSettings } from './StreamSettings';
import { posterDraft, streamDraft, toModeDraft } from './video-draft';
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
  const { src, steps, position, query, signed, expiresIn, setSteps, mode, thumbSteps, renditions, protocol, setThumbSteps } = useUrlBuilderStore();
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
  const state = useMemo(
    () => ({ src, steps, position, query, signed, expiresIn, mode, thumbSteps, renditions, protocol }),
    [src, steps, position, query, signed, expiresIn, mode, thumbSteps, renditions, protocol],
  );
  const draft = useMemo(() => toModeDraft(state), [state]);
  // A video's outputs: the poster (its thumbnail with what a thumbnail takes of the chain) and both manifests.
  const videoish = mode === 'video' || mode === 'stream';
  const posterOf = useMemo(() => posterDraft(state), [state]);
  const hlsDraft = useMemo(() => streamDraft(state, 'hls'), [state]);
  const dashDraft = useMemo(() => streamDraft(state, 'dash'), [state]);
  const poster = useBuiltUrl(posterOf, videoish && src.trim() !== '');
  const hls = useBuiltUrl(hlsDraft, mode === 'stream' && src.trim() !== '');
  const dash = useBuiltUrl(dashDraft, mode === 'stream' && src.trim() !== '');
  const posterUrl = videoish ? poster.data?.url || undefined : undefined;
  // A video render or stream can take many seconds: its URL is built at once, without waiting for the preview.
  const quick = useBuiltUrl(draft, videoish && draft.src !== '');
  // The chain being edited: the thumbnail has its own; the video, its stream and an image share `steps`.
  const chain = mode === 'thumbnail' ? thumbSteps : steps;
  const setChain = mode === 'thumbnail' ? setThumbSteps : setSteps;
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
    // A stream's chain reaches the URL without format/codecs and with sr- added; its steps still map one to one.
    const indexes = urlStepIndexes(chain);
    const map = new Map<number, UrlProblem[]>();
    for (const problem of preview.data?.built.problems ?? []) {
      if (problem.step === undefined) continue;
      const index = indexes[problem.step] ?? problem.step;
      map.set(index, [...(map.get(index) ?? []), problem]);
    }
    return map;
  }, [preview.data, chain]);

  return (
    <section className="url-builder" aria-label="URL builder">
      <div className="ub-edit">
        <SourceField />
        <PasteUrl />
        <ModePicker />
        {mode === 'stream' && <StreamSettings />}
        <h3>{mode === 'thumbnail' ? 'Thumbnail steps' : mode === 'video' || mode === 'stream' ? 'Video steps' : 'Steps'}</h3>
        <FieldScopeContext.Provider value={fieldScopeFor(mode, protocol)}>
          <StepList steps={chain} onChange={setChain} context={undefined} depth={0} prefix="" problemsByStep={problemsByStep} />
        </FieldScopeContext.Provider>
        <UrlOptions />
        <PresetsPanel />
      </div>
      <div className="ub-result">
        <PreviewPanel
          preview={preview.data}
          pending={preview.isFetching || waiting}
          error={preview.error}
          hasSrc={draft.src !== ''}
          mode={mode}
          poster={posterUrl}
          renditions={renditions}
        />
        <OutputPanel
          // A video's outputs follow the draft as edited (its URL is built at once); an image's follow its preview.
          draft={videoish ? draft : requested}
          preview={preview.data}
          mode={mode}
          poster={posterUrl}
          posterDraft={posterOf}
          builtUrl={videoish ? (quick.data?.url ?? '') : undefined}
          streams={mode === 'stream' ? { hls: hls.data?.url ?? '', dash: dash.data?.url ?? '', protocol, draft: protocol === 'hls' ? hlsDraft : dashDraft } : undefined}
        />
      </div>
    </section>
  );
}
