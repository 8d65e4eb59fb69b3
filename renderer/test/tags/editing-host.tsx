import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import type { ProfileView } from '../../../shared/domain/profile';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';

const LOCAL: ProfileView = {
  id: 'local', name: 'Local library', kind: 'local', urlEndpoint: 'http://127.0.0.1:40000/local', publicKey: 'public_local',
  hasPrivateKey: true, keyHint: '…ocal', keyStorage: 'embedded', active: true,
};

/**
 * Renders one editing component against the real contract router with the given handlers (plus the
 * active profile), recording every call that crossed the boundary. Outputs are validated too.
 */
export function renderWithHandlers(ui: ReactElement, handlers: Partial<Handlers>) {
  const calls: { channel: string; input: unknown }[] = [];
  const problems: string[] = [];
  const router = createRouter({ 'profiles.list': () => [LOCAL], ...handlers }, { validateOutput: true, log: (m, e) => problems.push(`${m}: ${String(e)}`) });
  setBridgeForTests({
    invoke: (channel, input) => {
      calls.push({ channel, input });
      return router.dispatch(channel, input, { transport: 'test' });
    },
    on: () => () => undefined,
  });
  const user = userEvent.setup();
  const view = render(<QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>);
  return { user, calls, problems, ...view };
}
