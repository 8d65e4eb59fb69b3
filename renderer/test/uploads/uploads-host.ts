import { createRouter, type Handlers } from '../../../shared/ipc/router';
import type { ApiBridge } from '../../../shared/ipc/wire';
import { UploadOptions, type UploadItem, type MetadataField } from '../../../shared/domain/uploads';

/**
 * A main side for the uploads components: the real contract router (inputs and outputs validated)
 * in front of a queue held in memory. It records every call so tests check what the window asked for.
 */
export function createUploadsHost(initial: UploadItem[], fields: MetadataField[] = [], extra: Partial<Handlers> = {}) {
  const items = structuredClone(initial);
  const calls: { channel: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const staged = new Map<string, number>();
  const counts = { receiving: 0, pending: 0, conflict: 0, queued: 0, uploading: 0, paused: 0, done: 0, skipped: 0, failed: 0, cancelled: 0 };
  const empty = () => ({});
  const handlers: Partial<Handlers> = {
    'profiles.list': () => [
      { id: 'local', name: 'Local library', kind: 'local', urlEndpoint: 'http://127.0.0.1:1/local', publicKey: 'p', hasPrivateKey: true, keyHint: '…ocal', keyStorage: 'embedded', active: true },
    ],
    'uploads.list': () => ({ items, totals: { bytesSent: 10, totalBytes: 100, bytesPerSecond: 5, etaSeconds: 18, counts }, concurrency: 4 }),
    'uploads.defaults.get': () => UploadOptions.parse({ tags: ['default-tag'] }),
    'uploads.metadataFields': () => fields,
    'uploads.pause': empty,
    'uploads.resume': empty,
    'uploads.cancel': empty,
    'uploads.retry': empty,
    'uploads.resolveConflict': empty,
    'uploads.stage.begin': (input) => {
      const groupId = input.groupId ?? 'group0000001';
      const stagedId = `${groupId}/${input.relativePath}`;
      staged.set(stagedId, 0);
      return { stagedId, groupId };
    },
    'uploads.stage.chunk': (input) => {
      const got = (staged.get(input.stagedId) ?? 0) + atob(input.data).length;
      staged.set(input.stagedId, got);
      return { received: got };
    },
    'uploads.stage.end': (input) => ({ size: staged.get(input.stagedId) ?? 0 }),
    // Incoming files are queued at once, waiting for their bytes (staged ids as the real host names them).
    'uploads.add': (input) => {
      const incoming = input.sources.flatMap((src, i) => {
        if (src.kind !== 'incoming') return [];
        const stagedId = `group0000001/${src.relativePath}`;
        staged.set(stagedId, 0);
        return [{ stagedId, itemId: 100 + i }];
      });
      return { batchId: 9, items: [], incoming };
    },
    'uploads.stage.discard': () => ({}),
    ...extra,
  };
  const problems: string[] = [];
  const router = createRouter(handlers, { validateOutput: true, log: (m, e) => problems.push(`${m}: ${String(e)}`) });
  const bridge: ApiBridge = {
    invoke: (channel, input) => {
      calls.push({ channel, input });
      return router.dispatch(channel, input, { transport: 'test' });
    },
    on: (event, listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    bridge,
    calls,
    problems,
    staged,
    callsTo: (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}

export function item(id: number, fileName: string, patch: Partial<UploadItem> = {}): UploadItem {
  return {
    id,
    batchId: 1,
    sourceKind: 'file',
    sourceLabel: fileName,
    folder: '/f',
    fileName,
    targetName: fileName,
    size: 100,
    state: 'queued',
    conflictChoice: null,
    attempts: 0,
    errorMessage: null,
    errorHelp: null,
    result: null,
    lookalike: null,
    ...patch,
  };
}
