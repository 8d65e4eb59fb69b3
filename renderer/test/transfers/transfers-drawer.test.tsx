import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import type { ApiBridge } from '../../../shared/ipc/wire';
import type { TransferJobView } from '../../../shared/ipc/areas/transfer';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { TransfersRegion } from '../../src/features/transfers/TransfersRegion';
import { useTransfersUi } from '../../src/features/transfers/transfers-store';
import { useTransferEvents } from '../../src/api/transfers';

const MB = 1024 * 1024;
const progress = (state: TransferJobView['state'], done: number) => ({
  jobId: 'job-1',
  state,
  phase: 'transfer' as const,
  files: { total: 4, pending: 4 - done, running: 0, paused: 0, done, failed: 0, cancelled: 0 },
  bytes: { done: done * MB, total: 4 * MB },
  bytesPerSecond: MB,
  etaSeconds: 4 - done,
  verified: { done: 0, total: 4 },
});

/** A main side holding one transfer job in memory, behind the real contract router (inputs and outputs validated). */
function createTransferHost() {
  let job: TransferJobView = { id: 'job-1', state: 'running', origin: 'app', createdAt: 1, finishedAt: null, busy: false, progress: progress('running', 1) };
  const calls: string[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const problems: string[] = [];
  const profile = (id: string, name: string, active: boolean) => ({ id, name, kind: 'imagekit' as const, urlEndpoint: `https://ik.imagekit.io/${id}`, publicKey: 'p', hasPrivateKey: true, keyHint: '…abcd', keyStorage: 'keychain' as const, active });
  const set = (state: TransferJobView['state']) => (job = { ...job, state, progress: job.progress && { ...job.progress, state } });
  const handlers: Partial<Handlers> = {
    'profiles.list': () => [profile('src', 'Shop', true), profile('dst', 'Studio', false)],
    'transfer.jobs': () => [job],
    'transfer.report': () => ({
      format: 'mediadesk-transfer-report',
      version: 1,
      jobId: 'job-1',
      outcome: job.state === 'done' ? 'complete' : 'in-progress',
      mode: 'copy',
      source: { kind: 'library', profileId: 'src', path: '/trip' },
      target: { profileId: 'dst', path: '/archive' },
      totals: { files: 4, verified: job.state === 'done' ? 4 : 0, verifyProblems: 0, failed: 0 },
      error: null,
      files: [],
    }),
    'transfer.pause': () => set('paused'),
    'transfer.resume': () => set('running'),
    'transfer.cancel': () => set('cancelled'),
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
  return {
    bridge,
    calls,
    problems,
    finish: () => (job = { ...set('done'), finishedAt: 2, progress: progress('done', 4) }),
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}

function Drawer() {
  useTransferEvents();
  return <TransfersRegion />;
}

/** jsdom's Blob has no text(); FileReader reads it. */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

let host: ReturnType<typeof createTransferHost>;
afterEach(() => {
  cleanup();
  expect(host.problems).toEqual([]);
  setBridgeForTests(undefined);
  vi.restoreAllMocks();
});

describe('the Transfers drawer', () => {
  it('shows a running job with bytes and files; pauses, resumes and cancels it through the contract', async () => {
    host = createTransferHost();
    setBridgeForTests(host.bridge);
    useTransfersUi.setState({ expanded: true, followed: [], dismissed: [] });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <Drawer />
      </QueryClientProvider>,
    );
    const region = await screen.findByRole('region', { name: 'Transfers' });
    const job = await within(region).findByRole('listitem', { name: 'Copy /trip from Shop to Studio /archive' });
    expect(job.textContent).toContain('1 of 4 files · 1.0 MB of 4.0 MB · 1.0 MB/s · about 3 s left');
    expect(within(job).getByRole('progressbar', { name: 'Progress of Copy /trip from Shop to Studio /archive' }).getAttribute('value')).toBe('25');

    act(() => host.emit('transfer.progress', progress('running', 3)));
    await waitFor(() => expect(job.textContent).toContain('3 of 4 files · 3.0 MB of 4.0 MB'));

    await user.click(within(job).getByRole('button', { name: 'Pause' }));
    await within(job).findByRole('button', { name: 'Resume' });
    expect(job.textContent).toContain('Paused');
    await user.click(within(job).getByRole('button', { name: 'Resume' }));
    await within(job).findByRole('button', { name: 'Pause' });
    await user.click(within(job).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(job.textContent).toContain('Cancelled'));
    expect(within(job).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(host.calls.filter((c) => /^transfer\.(pause|resume|cancel)$/.test(c))).toEqual(['transfer.pause', 'transfer.resume', 'transfer.cancel']);
  });

  it('says what verification found when the job ends, saves the report as a download, and can be dismissed', async () => {
    host = createTransferHost();
    setBridgeForTests(host.bridge);
    useTransfersUi.setState({ expanded: true, followed: [], dismissed: [] });
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:report'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('mediadesk-transfer-job-1.json');
    });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <Drawer />
      </QueryClientProvider>,
    );
    const region = await screen.findByRole('region', { name: 'Transfers' });
    const job = await within(region).findByRole('listitem', { name: /^Copy \/trip/ });
    act(() => host.emit('transfer.jobChanged', host.finish()));
    expect((await within(job).findByRole('status')).textContent).toBe('Verified: 4 of 4 files match the source (checksums and fields).');

    await user.click(within(job).getByRole('button', { name: 'Save report' }));
    await waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
    expect(JSON.parse(await readBlob(created[0]!))).toMatchObject({ format: 'mediadesk-transfer-report', outcome: 'complete' });
    expect(job.textContent).toContain('Report saved as mediadesk-transfer-job-1.json.');

    await user.click(within(job).getByRole('button', { name: 'Dismiss Copy /trip from Shop to Studio /archive' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Transfers' })).toBeNull());
  });
});
