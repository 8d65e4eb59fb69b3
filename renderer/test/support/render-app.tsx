import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { useUiStore } from '../../src/app/ui-store';
import type { InMemoryHost } from './in-memory-host';
// The frame loads these on demand (app/feature-views.tsx); importing them here has Vite transform them
// once per test file, up front, so a test's first click does not wait for that transform.
import '../../src/features/profiles/ProfileDialog';
import '../../src/features/uploads/UploadsOverlay';
import '../../src/features/transfers/TransfersOverlay';

/** Renders the whole app against a test host, with fresh UI state and a fresh query cache. */
export function renderApp(host: InMemoryHost) {
  setBridgeForTests(host.bridge);
  useUiStore.setState({ profileDialogOpen: false, editingProfileId: null });
  const user = userEvent.setup();
  const view = render(<App queryClient={createQueryClient()} />);
  return { user, ...view };
}
