import path from 'node:path';
import type ImageKit from '@imagekit/nodejs';
import { AppError } from '../../../shared/ipc/result';
import type { PurgeRequestView, PurgeSettingsView, PurgeSuggestionView, QuotaView, SuggestionReason } from '../../../shared/domain/purge';
import { checkPurgeList } from '../../../shared/purge/purge-rules';
import { toBatches } from '../../../shared/purge/batches';
import { checkQuota, DEFAULT_MONTHLY_PURGE_QUOTA, quotaWindow } from '../../../shared/purge/quota';
import { affectedUrls } from '../../../shared/purge/variants';
import { toAppError } from '../imagekit/to-app-error';
import { openPurgeDb, type PurgeDb } from './purge-db';
import { PurgeStore } from './purge-store';
import { PurgePoller } from './purge-poller';
import { mapLimit } from './map-limit';

export interface PurgeServiceDeps {
  dataDir: string;
  /** Each profile's SDK client and endpoint (its cached session in the app), and which profile is active. */
  sessions: {
    idOf(requested: string | undefined): string;
    resolve(profileId: string): Promise<{ client: ImageKit; connection: { urlEndpoint: string } }>;
  };
  emitRequest: (view: PurgeRequestView) => void;
  emitSuggestion: (view: PurgeSuggestionView) => void;
  log: (message: string, error?: unknown) => void;
  /** Status polling waits (default 250 ms → 10 s, back to the start whenever a URL completes). */
  pollDelaysMs?: readonly number[];
  /** Purge API calls in flight at once per request. */
  sendConcurrency?: number;
  now?: () => Date;
}

export interface SuggestInput {
  profileId: string;
  /** The changed files' delivery URLs (as in the file's `url` field). */
  fileUrls: readonly string[];
  reason: SuggestionReason;
  filePath?: string;
}

interface ProfilePurge {
  db: PurgeDb;
  store: PurgeStore;
  poller: PurgePoller;
}

const QUOTA_KEY = 'monthlyQuota';
const TRANSFORMATIONS_KEY = 'transformationsInUse';
const describeRefusal = (r: { url: string; reason: string }) => `${r.url} — ${r.reason}`;

/** The purge centre: validated, batched purges, status polling, history, quota and suggestions, per profile. */
export class PurgeService {
  readonly #profiles = new Map<string, ProfilePurge>();
  readonly #now: () => Date;

  constructor(private readonly deps: PurgeServiceDeps) {
    this.#now = deps.now ?? (() => new Date());
  }

  resolveProfile(profileId: string | undefined): string {
    return this.deps.sessions.idOf(profileId);
  }

  /** Opens a profile's history on first use; requests left pending by an earlier run are polled again. */
  storeFor(profileId: string): PurgeStore {
    return this.open(profileId).store;
  }

  private open(profileId: string): ProfilePurge {
    const existing = this.#profiles.get(profileId);
    if (existing) return existing;
    if (!/^[A-Za-z0-9_-]+$/.test(profileId)) throw new AppError('BAD_INPUT', `profileId: "${profileId}" is not a profile id.`);
    const db = openPurgeDb(path.join(this.deps.dataDir, 'profiles', profileId));
    const store = new PurgeStore(db, profileId);
    const poller = new PurgePoller({
      store,
      client: async () => (await this.deps.sessions.resolve(profileId)).client,
      delaysMs: this.deps.pollDelaysMs ?? [250, 500, 1000, 2000, 5000, 10_000],
      onChanged: (id) => this.publish(store, id),
      log: this.deps.log,
      now: this.#now,
    });
    const entry = { db, store, poller };
    this.#profiles.set(profileId, entry);
    for (const id of store.abandonUnsent()) this.publish(store, id);
    if (store.pendingUrls().length) poller.kick();
    return entry;
  }

  private publish(store: PurgeStore, requestId: string): void {
    const view = store.request(requestId);
    if (view) this.deps.emitRequest(view);
  }

  async urlEndpointOf(profileId: string): Promise<string> {
    return (await this.deps.sessions.resolve(profileId)).connection.urlEndpoint;
  }

  /**
   * Sends `urls` as requests of at most 100. Nothing is sent when any URL breaks ImageKit's rules or
   * the month's allowance would be exceeded: the error lists every refused URL with its reason.
   */
  async submit(profileId: string, urls: readonly string[], suggestionId?: string): Promise<PurgeRequestView[]> {
    const { store, poller } = this.open(profileId);
    const checked = checkPurgeList(urls, await this.urlEndpointOf(profileId));
    if (checked.refused.length) {
      const count = checked.refused.length;
      throw new AppError('BAD_INPUT', `${count} URL${count === 1 ? ' was' : 's were'} refused, nothing was sent: ${checked.refused.map(describeRefusal).join('; ')}`);
    }
    const quota = this.quota(profileId);
    const room = checkQuota(checked.valid.length, quota.used, quota.monthlyQuota);
    if (!room.ok) throw new AppError('NOT_ALLOWED', `${room.reason} Nothing was sent; raise the quota in settings if your plan allows more.`);

    const { client } = await this.deps.sessions.resolve(profileId);
    const views: PurgeRequestView[] = [];
    for (const batch of toBatches(checked.valid)) {
      const requestId = store.createRequest(batch, suggestionId ?? null, this.#now());
      await mapLimit(batch, this.deps.sendConcurrency ?? 4, async (url, position) => {
        try {
          const { requestId: ikId } = await client.cache.invalidation.create({ url });
          if (!ikId) throw new Error('ImageKit accepted the purge but returned no requestId.');
          store.markSent(requestId, position, ikId, this.#now());
        } catch (error) {
          store.markFailed(requestId, position, toAppError(error, `purge ${url}`).message);
        }
      });
      const view = store.request(requestId)!;
      this.deps.emitRequest(view);
      views.push(view);
    }
    if (suggestionId && store.setSuggestionState(suggestionId, 'purged')) this.deps.log(`suggestion ${suggestionId} purged`);
    poller.kick();
    return views;
  }

  /**
   * A purge ImageKit started on its own (a rename with `purgeCache`) enters the history and the month's
   * count like one sent from here, and its status is followed to completion the same way.
   */
  recordSent(profileId: string, urls: readonly string[], ikRequestId: string): PurgeRequestView {
    const { store, poller } = this.open(profileId);
    const requestId = store.createRequest(urls, null, this.#now());
    urls.forEach((_, position) => store.markSent(requestId, position, ikRequestId, this.#now()));
    const view = store.request(requestId)!;
    this.deps.emitRequest(view);
    poller.kick();
    return view;
  }

  requests(profileId: string, limit = 100): PurgeRequestView[] {
    return this.open(profileId).store.requests(limit);
  }

  quota(profileId: string): QuotaView {
    const { store } = this.open(profileId);
    const window = quotaWindow(this.#now());
    const monthlyQuota = Number(store.getSetting(QUOTA_KEY) ?? DEFAULT_MONTHLY_PURGE_QUOTA);
    const used = store.countSentSince(window.startsAt);
    return { profileId, month: window.month, monthlyQuota, used, remaining: Math.max(0, monthlyQuota - used), resetsAt: window.resetsAt };
  }

  async settings(profileId: string): Promise<PurgeSettingsView> {
    const { store } = this.open(profileId);
    return {
      profileId,
      monthlyQuota: Number(store.getSetting(QUOTA_KEY) ?? DEFAULT_MONTHLY_PURGE_QUOTA),
      transformationsInUse: JSON.parse(store.getSetting(TRANSFORMATIONS_KEY) ?? '[]') as string[],
      urlEndpoint: await this.urlEndpointOf(profileId),
    };
  }

  async updateSettings(profileId: string, change: { monthlyQuota?: number; transformationsInUse?: string[] }): Promise<PurgeSettingsView> {
    const { store } = this.open(profileId);
    if (change.monthlyQuota !== undefined) store.setSetting(QUOTA_KEY, String(change.monthlyQuota));
    if (change.transformationsInUse !== undefined) {
      const cleaned = [...new Set(change.transformationsInUse.map((t) => t.trim()).filter(Boolean))];
      store.setSetting(TRANSFORMATIONS_KEY, JSON.stringify(cleaned));
    }
    return this.settings(profileId);
  }

  suggestions(profileId: string): PurgeSuggestionView[] {
    return this.open(profileId).store.openSuggestions();
  }

  /**
   * Records the URLs that may now serve stale bytes (each file's URL and its variants for the
   * transformations in use) and pushes `purge.suggested`. An identical open suggestion is reused.
   */
  async suggest(input: SuggestInput): Promise<PurgeSuggestionView> {
    const { store } = this.open(input.profileId);
    const settings = await this.settings(input.profileId);
    const urls = [...new Set(input.fileUrls.flatMap((u) => affectedUrls(u, settings.urlEndpoint, settings.transformationsInUse)))];
    const same = store.openSuggestions().find((s) => s.urls.length === urls.length && s.urls.every((u, i) => u === urls[i]));
    if (same) return same;
    const view = store.addSuggestion(input.reason, input.filePath ?? null, urls, this.#now());
    this.deps.emitSuggestion(view);
    return view;
  }

  dismissSuggestion(profileId: string, id: string): void {
    const { store } = this.open(profileId);
    if (!store.suggestion(id)) throw new AppError('NOT_FOUND', 'That suggestion no longer exists.');
    store.setSuggestionState(id, 'dismissed');
  }

  close(): void {
    for (const { db, poller } of this.#profiles.values()) {
      poller.close();
      db.close();
    }
    this.#profiles.clear();
  }
}
