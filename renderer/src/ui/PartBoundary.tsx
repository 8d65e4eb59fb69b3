import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import './part-boundary.css';

interface PartBoundaryProps {
  /** What this part is, as a person names it ("The Versions section", "The URL builder"). */
  part: string;
  children: ReactNode;
}

interface PartBoundaryState {
  error: Error | null;
}

/** Chromium, Firefox and Safari word a module script that could not be fetched differently. */
const FAILED_LOAD = /dynamically imported module|importing a module script failed|error loading dynamically imported/i;

export function describePartError(part: string, error: Error): string {
  if (FAILED_LOAD.test(error.message)) {
    return `${part} could not be loaded: its code did not arrive (${error.message}). Reload the window to load it again.`;
  }
  return `${part} stopped with an error: ${error.message}. Reload the window to start it again.`;
}

/**
 * Keeps an error in one part of the window (a view, a Details section, an overlay) inside that part: it
 * says what failed and offers a reload, and the rest of the window goes on working. Without a boundary,
 * React unmounts the whole window on an error thrown while rendering, such as a part whose code could not
 * be fetched (a dropped connection, or a host updated under an open window, so the old chunk is gone;
 * React.lazy keeps that failure, so only a reload loads it again).
 */
export class PartBoundary extends Component<PartBoundaryProps, PartBoundaryState> {
  override state: PartBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PartBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`MediaDesk: ${this.props.part} failed.`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="part-error" role="alert">
        <p>{describePartError(this.props.part, error)}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload window
        </button>
      </div>
    );
  }
}

interface LazyPartProps extends PartBoundaryProps {
  /** Shown while the part's code loads (nothing by default). */
  loading?: ReactNode;
}

/** A part whose code loads on demand (React.lazy inside): its loading state, and its failure kept in its place. */
export function LazyPart({ part, loading = null, children }: LazyPartProps) {
  return (
    <PartBoundary part={part}>
      <Suspense fallback={loading}>{children}</Suspense>
    </PartBoundary>
  );
}
