import { createRouter, type Handlers } from '../../../shared/ipc/router';
import { AppError } from '../../../shared/ipc/result';
import type { ApiBridge } from '../../../shared/ipc/wire';
import type { PurgeRequestView, PurgeSuggestionView } from '../../../shared/domain/purge';
import { checkPurgeList } from '../../../shared/purge/purge-rules';
import { toBatches } from '../../../shared/purge/batches';
import type { InMemoryHost } from '../support/in-memory-host';

export const ENDPOINT = 'http://127.0.0.1:40000/local';

/**
 * The purge channels for component tests, in front of the real contract router (inputs and outputs
 * validated): requests are recorded as pending, and tests push completion with `complete()`.
 */
export function withPurgeHost(base: InMemoryHost) {
  const requests: PurgeRequestView[] = [];
  const suggestions: PurgeSuggestionView[] = [];
  let quota = 1000;
  let used = 0;
  let next = 1;
  const handlers: Partial<Handlers> = {
    'purge.settings': () => ({ profileId: 'local', monthlyQuota: quota, transformationsInUse: [], urlEndpoint: ENDPOINT }),
    'purge.quota': () => ({ profileId: 'local', month: '2026-11', monthlyQuota: quota, used, remaining: quota - used, resetsAt: '2026-12-01T00:00:00.000Z' }),
    'purge.requests': () => [...requests].reverse(),
    'purge.suggestions': () => suggestions.filter((s) => s.state === 'open'),
    'purge.checkForChanges': () => ({ suggested: [], checkedAt: new Date().toISOString() }),
    'purge.dismissSuggestion': ({ id }) => {
      const s = suggestions.find((x) => x.id === id);
      if (!s) throw new AppError('NOT_FOUND', 'That suggestion no longer exists.');
      s.state = 'dismissed';
      return { id };
    },
    'purge.submit': ({ urls, suggestionId }) => {
      const checked = checkPurgeList(urls, ENDPOINT);
      if (checked.refused.length) throw new AppError('BAD_INPUT', 'refused');
      const made = toBatches(checked.valid).map((batch) => {
        const view: PurgeRequestView = {
          id: `r${next++}`,
          profileId: 'local',
          createdAt: new Date().toISOString(),
          completedAt: null,
          state: 'pending',
          suggestionId: suggestionId ?? null,
          urls: batch.map((url, i) => ({ url, state: 'pending', imagekitRequestId: `ik${i}`, error: null })),
        };
        requests.push(view);
        return view;
      });
      used += checked.valid.length;
      const s = suggestions.find((x) => x.id === suggestionId);
      if (s) s.state = 'purged';
      return { requests: made };
    },
  };
  const router = createRouter(new Proxy(handlers, { get: (t, k: string) => (t as Record<string, unknown>)[k] ?? (() => { throw new AppError('UNKNOWN_CHANNEL', k); }) }) as Handlers, {
    validateOutput: true,
    log: (message, error) => base.problems.push(`${message}: ${String(error)}`),
  });
  const calls: Array<{ channel: string; input: unknown }> = [];
  const bridge: ApiBridge = {
    async invoke(channel, input) {
      if (!channel.startsWith('purge.')) return base.bridge.invoke(channel, input);
      calls.push({ channel, input: structuredClone(input) });
      return structuredClone(await router.dispatch(channel, input, { transport: 'test' }));
    },
    on: (event, listener) => base.bridge.on(event, listener),
  };
  return {
    bridge,
    calls,
    requests,
    setQuota(total: number, usedSoFar: number) {
      quota = total;
      used = usedSoFar;
    },
    suggest(view: Omit<PurgeSuggestionView, 'profileId' | 'createdAt' | 'state'>) {
      const full: PurgeSuggestionView = { ...view, profileId: 'local', createdAt: new Date().toISOString(), state: 'open' };
      suggestions.push(full);
      base.emit('purge.suggested', full);
    },
    /** ImageKit reports every URL of the request completed; the host pushes the change. */
    complete(id: string) {
      const r = requests.find((x) => x.id === id)!;
      r.urls = r.urls.map((u) => ({ ...u, state: 'completed' }));
      r.state = 'completed';
      r.completedAt = new Date().toISOString();
      base.emit('purge.requestChanged', r);
    },
  };
}
