import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import type { ApiBridge } from '../../../shared/ipc/wire';
import type { BackupActivityView } from '../../../shared/ipc/areas/transfer';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { TransfersRegion } from '../../src/features/transfers/TransfersRegion';
import { useTransfersUi } from '../../src/features/transfers/transfers-store';
import { useBackupEvents } from '../../src/api/transfers';

const MB = 1024 * 1024;

/** A main side with one folder backup under way, behind the real contract router (outputs validated). */
function createBackupHost() {
  let backup: BackupActivityView = {
    id: 'b-1',
    kind: 'folder',
    state: 'running',
    profileId: 'local',
    path: '/trip',
    destination: '/home/ada/Backups/trip-backup-2026-12-05',
    files: { done: 1, total: 4 },
    bytes: { done: MB, total: 4 * MB },
    message: null,
    startedAt: 1,
    finishedAt: null,
  };
  const calls: string[] = [];
  const problems: string[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const handlers: Partial<Handlers> = {
    'transfer.jobs': () => [],
    'transfer.backups': () => [backup],
    'transfer.cancelBackup': () => (backup = { ...backup, state: 'cancelled', message: 'Cancelled; the files already saved stay in the folder.', finishedAt: 2 }),
  };
  const router = createRouter(handlers, { validateOutput: true, log: (m, e) => problems.push(`${m}: ${String(e)}`) });
  const bridge: ApiBridge = {
    invoke: (channel, input) => {
      calls.push(channel);
      return router.dispatch(channel, input, { transport: 'test' });
    },
    on: (event, listener) => {
      let s = listeners.get(event);
      if (!s) listeners.set(event, (s = new Set()));
      s.add(listener);
      return () => s.delete(listener);
    },
  };
  return { bridge, calls, problems, emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)), current: () => backup };
}

function Drawer() {
  useBackupEvents();
  return <TransfersRegion />;
}

let host: ReturnType<typeof createBackupHost>;
afterEach(() => {
  cleanup();
  expect(host.problems).toEqual([]);
  setBridgeForTests(undefined);
});

describe('backups in the Transfers drawer', () => {
  it('shows a folder backup with files and bytes, follows its pushes, and cancels it through the contract', async () => {
    host = createBackupHost();
    setBridgeForTests(host.bridge);
    useTransfersUi.setState({ expanded: true, followed: [], dismissed: [] });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <Drawer />
      </QueryClientProvider>,
    );
    const region = await screen.findByRole('region', { name: 'Transfers' });
    const name = 'Back up /trip into /home/ada/Backups/trip-backup-2026-12-05';
    const row = await within(region).findByRole('listitem', { name });
    expect(row.textContent).toContain('1 of 4 files · 1.0 MB of 4.0 MB');
    expect(within(row).getByRole('progressbar', { name: `Progress of ${name}` }).getAttribute('value')).toBe('25');
    expect(within(region).getByLabelText('1 in progress')).toBeTruthy();

    act(() => host.emit('transfer.backupChanged', { ...host.current(), files: { done: 3, total: 4 }, bytes: { done: 3 * MB, total: 4 * MB } }));
    await waitFor(() => expect(row.textContent).toContain('3 of 4 files · 3.0 MB of 4.0 MB'));

    await user.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(host.calls).toContain('transfer.cancelBackup');
    expect(await within(row).findByText('Cancelled; the files already saved stay in the folder.')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(within(row).getByRole('button', { name: `Dismiss ${name}` }));
    expect(screen.queryByRole('region', { name: 'Transfers' })).toBeNull();
  });
});
