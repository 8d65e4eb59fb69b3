import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../src/app/query-client';
import { setBridgeForTests } from '../../src/api/transport';
import { PurgeView } from '../../src/features/purge/PurgeView';
import { AppEvents } from '../../src/app/AppEvents';
import { usePurgeFormStore } from '../../src/features/purge/purge-form-store';
import { createInMemoryHost } from '../support/in-memory-host';
import { ENDPOINT, withPurgeHost } from './purge-host';

/** Waits up to 10 s (expect.poll's 1 s default is short for a loaded machine). */
const poll = <T,>(read: () => T) => expect.poll(read, { timeout: 10_000 });

// findBy* waits 1 s by default: too short on a loaded CI machine.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
  usePurgeFormStore.getState().clear();
});

function setup() {
  const base = createInMemoryHost();
  const purge = withPurgeHost(base);
  setBridgeForTests(purge.bridge);
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AppEvents />
      <PurgeView />
    </QueryClientProvider>,
  );
  return { base, purge, user };
}

const urls = (n: number) => Array.from({ length: n }, (_, i) => `${ENDPOINT}/batch/file-${i}.jpg`);

// Generous timeout: these render the whole view and paste 150 lines; a loaded CI machine is slow at that.
describe('purge centre', { timeout: 20_000 }, () => {
  it('refuses invalid URLs with the reason, then sends a list of 150 as two requests and shows them completing', async () => {
    const { base, purge, user } = setup();
    const region = await screen.findByRole('region', { name: 'Purge' });
    const list = within(region).getByLabelText('URLs to purge (one per line)');
    const purgeButton = within(region).getByRole('button', { name: 'Purge' });
    await poll(() => within(region).getByRole('meter', { name: 'Monthly purge quota' }).getAttribute('aria-valuetext')).toMatch(/^0 of 1000 URLs purged/);

    await user.click(list);
    await user.paste([...urls(150), `${ENDPOINT}/x*`, 'https://elsewhere.example/a.jpg'].join('\n'));
    const refused = within(region).getByRole('list', { name: 'Refused URLs' });
    expect(within(refused).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/\/x\*A wildcard \(\*\) needs a path with at least two levels/),
      expect.stringMatching(/elsewhere\.example\/a\.jpgThe URL is not under this profile's URL endpoint/),
    ]);
    expect(within(region).getByRole('status', { name: 'Purge list summary' })).toHaveTextContent('150 URLs in 2 requests, 2 refused.');
    expect(purgeButton).toBeDisabled();
    expect(list).toHaveAttribute('aria-invalid', 'true');

    await user.clear(list);
    await user.paste(urls(150).join('\n'));
    expect(within(region).queryByRole('list', { name: 'Refused URLs' })).toBeNull();
    await user.click(purgeButton);

    await poll(() => purge.calls.filter((c) => c.channel === 'purge.submit').length).toBe(1);
    expect((purge.calls.find((c) => c.channel === 'purge.submit')!.input as { urls: string[] }).urls).toHaveLength(150);
    const history = await within(region).findByRole('list', { name: 'Purge requests' });
    await poll(() => within(history).queryAllByRole('listitem', { name: /^Request of / }).length).toBe(2);
    expect(within(history).getByRole('listitem', { name: /100 URLs, Pending$/ })).toBeInTheDocument();
    expect(within(history).getByRole('listitem', { name: /50 URLs, Pending$/ })).toBeInTheDocument();
    expect(list).toHaveValue('');

    for (const r of purge.requests) purge.complete(r.id);
    await poll(() => within(history).queryAllByRole('listitem', { name: /, Completed$/ }).length).toBe(2);
    await poll(() => within(region).getByRole('meter', { name: 'Monthly purge quota' }).getAttribute('aria-valuenow')).toBe('150');
    expect(base.problems).toEqual([]);
  });

  it('blocks a list larger than the quota left and says so', async () => {
    const { purge, user } = setup();
    purge.setQuota(100, 90);
    const region = await screen.findByRole('region', { name: 'Purge' });
    await poll(() => within(region).getByRole('meter', { name: 'Monthly purge quota' }).getAttribute('aria-valuenow')).toBe('90');
    await user.click(within(region).getByLabelText('URLs to purge (one per line)'));
    await user.paste(urls(11).join('\n'));
    expect(within(region).getByRole('alert')).toHaveTextContent("This would purge 11 URLs, but only 10 of this month's 100 remain (90 used).");
    expect(within(region).getByRole('button', { name: 'Purge' })).toBeDisabled();
  });

  it('shows a pushed suggestion, prefills the list from it, and purges it as that suggestion', async () => {
    const { purge, user } = setup();
    const region = await screen.findByRole('region', { name: 'Purge' });
    await within(region).findByText(/no file changed since the last check/);
    const suggested = [`${ENDPOINT}/photos/a.jpg`, `${ENDPOINT}/tr:w-300/photos/a.jpg`];
    purge.suggest({ id: 's1', reason: 'overwrite', filePath: '/photos/a.jpg', urls: suggested });
    const item = await within(region).findByRole('listitem', { name: 'Overwritten: /photos/a.jpg' });
    await user.click(within(item).getByRole('button', { name: 'Review and purge' }));
    expect(within(region).getByLabelText('URLs to purge (one per line)')).toHaveValue(suggested.join('\n'));
    await user.click(within(region).getByRole('button', { name: 'Purge' }));
    await poll(() => purge.calls.find((c) => c.channel === 'purge.submit')?.input).toEqual({ profileId: 'local', urls: suggested, suggestionId: 's1' });
    await poll(() => within(region).queryByRole('listitem', { name: 'Overwritten: /photos/a.jpg' })).toBeNull();
  });
});
