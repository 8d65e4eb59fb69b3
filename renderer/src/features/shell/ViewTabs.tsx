import { useEffect, useRef, type KeyboardEvent } from 'react';
import { featureViews } from '../../app/feature-views';
import { useViewStore } from '../../app/view-store';
import { LazyPart } from '../../ui/PartBoundary';

/**
 * The "Views" tablist (in the top bar). Arrow keys move between tabs (WAI-ARIA tabs pattern with
 * automatic activation); the panel is ViewPanel, in the frame's main area.
 */
export function ViewTabs() {
  const view = useViewStore((s) => s.view);
  const show = useViewStore((s) => s.show);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const active = featureViews.find((v) => v.id === view) ?? featureViews[0];

  // Alt+1…Alt+5 go straight to a view (listed with the views in the command palette).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = featureViews[Number(e.key) - 1];
      if (!target) return;
      e.preventDefault();
      show(target.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + featureViews.length) % featureViews.length;
    show(featureViews[next].id);
    tabs.current[next]?.focus();
  };

  return (
    <div role="tablist" aria-label="Views" className="view-tabs">
      {featureViews.map((v, index) => (
        <button
          key={v.id}
          ref={(el) => {
            tabs.current[index] = el;
          }}
          type="button"
          role="tab"
          id={`view-tab-${v.id}`}
          aria-selected={v.id === active.id}
          aria-controls={`view-panel-${v.id}`}
          tabIndex={v.id === active.id ? 0 : -1}
          onClick={() => show(v.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}

/** The active view's tabpanel; views other than the Library load on first use. */
export function ViewPanel() {
  const view = useViewStore((s) => s.view);
  const active = featureViews.find((v) => v.id === view) ?? featureViews[0];
  return (
    <div className="view-panel" role="tabpanel" id={`view-panel-${active.id}`} aria-labelledby={`view-tab-${active.id}`}>
      {/* Keyed by view: a view that failed does not stay failed on the other tabs. */}
      <LazyPart
        key={active.id}
        part={`The ${active.label} view`}
        loading={
          <p className="view-loading" role="status">
            Loading {active.label}…
          </p>
        }
      >
        {active.render()}
      </LazyPart>
    </div>
  );
}
