import { useRef, type KeyboardEvent } from 'react';
import { featureViews } from '../../app/feature-views';
import { useViewStore } from '../../app/view-store';

/**
 * The "Views" tablist and the active view's tabpanel. Arrow keys move between tabs (WAI-ARIA
 * tabs pattern with automatic activation).
 */
export function ViewTabs() {
  const view = useViewStore((s) => s.view);
  const show = useViewStore((s) => s.show);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const active = featureViews.find((v) => v.id === view) ?? featureViews[0];

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + featureViews.length) % featureViews.length;
    show(featureViews[next].id);
    tabs.current[next]?.focus();
  };

  return (
    <main className="view-host" aria-label="MediaDesk">
      {featureViews.length > 1 && (
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
      )}
      <div
        className="view-panel"
        role={featureViews.length > 1 ? 'tabpanel' : undefined}
        id={`view-panel-${active.id}`}
        aria-labelledby={featureViews.length > 1 ? `view-tab-${active.id}` : undefined}
      >
        {active.render()}
      </div>
    </main>
  );
}
