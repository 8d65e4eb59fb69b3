import '@testing-library/jest-dom/vitest';
import { lazy } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { LazyPart, PartBoundary } from '../src/ui/PartBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('cannot read the file list');
}

describe('PartBoundary and LazyPart', () => {
  it('a part whose code could not be fetched says so in its place; the rest of the window stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Versions = lazy(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4000/assets/VersionsSection-abc.js')),
    );
    render(
      <div>
        <button type="button">Upload</button>
        <LazyPart part="The Versions section" loading={<p role="status">Loading versions…</p>}>
          <Versions />
        </LazyPart>
      </div>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading versions…');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The Versions section could not be loaded: its code did not arrive (Failed to fetch dynamically imported module: http://127.0.0.1:4000/assets/VersionsSection-abc.js). Reload the window to load it again.',
    );
    expect(screen.getByRole('button', { name: 'Reload window' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeInTheDocument();
  });

  it('a part that throws while rendering names itself and the error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <PartBoundary part="The Purge view">
        <Broken />
      </PartBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The Purge view stopped with an error: cannot read the file list. Reload the window to start it again.');
  });

  it('renders its part unchanged while nothing fails', () => {
    render(
      <PartBoundary part="The Tags section">
        <p>summer</p>
      </PartBoundary>,
    );
    expect(screen.getByText('summer')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
