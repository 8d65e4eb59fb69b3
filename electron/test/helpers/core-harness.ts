import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRouter, type Handlers, type Router } from '../../../shared/ipc/router';
import { AppError, type Result } from '../../../shared/ipc/result';
import type { ChannelInput, ChannelOutput, EventPayload } from '../../../shared/ipc/contract';
import type { ChannelName, EventName } from '../../../shared/ipc/names';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../services/app/create-app-services';
import { EventHub, type EventListener } from '../../services/app/event-hub';
import type { CoreServices, FeatureArea } from '../../services/app/feature-area';
import { ProfileSessions } from '../../services/sessions/profile-sessions';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import type { LocalLibraryHandle } from '../../services/local-library/local-library';
import { ProfileService } from '../../services/profiles/profile-service';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { openSettings } from '../../services/settings/settings-store';
import { GrantedPaths } from '../../services/security/granted-paths';
import type { TestEmulator } from '../../../emulator/test/helpers/emulator';

export interface RecordedEvent {
  name: EventName;
  payload: unknown;
}

/** Everything pushed on an event hub, plus a wait for a given push (also one already received). */
export interface EventRecorder {
  events: RecordedEvent[];
  waitFor<E extends EventName>(name: E, predicate?: (p: EventPayload<E>) => boolean, timeoutMs?: number): Promise<EventPayload<E>>;
}

/** Contract calls through a router: the raw envelope, or its data (failing the test on an error). */
export interface ContractCalls {
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  data<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/** A fresh temp dir (`root`) whose `data` folder is the app's data dir. */
export interface TempAppDir {
  root: string;
  dataDir: string;
  remove(): Promise<void>;
}

export async function makeTempAppDir(label: string): Promise<TempAppDir> {
  const root = await mkdtemp(path.join(os.tmpdir(), `mediadesk-${label}-`));
  return { root, dataDir: path.join(root, 'data'), remove: () => rm(root, { recursive: true, force: true }) };
}

/** A `log` for services that keeps every message (tests expect none, or read them on failure). */
export function problemLog(): { problems: string[]; log: (message: string, error?: unknown) => void } {
  const problems: string[] = [];
  const describe = (error: unknown) => (error instanceof Error ? error.stack : (JSON.stringify(error) ?? String(error)));
  return { problems, log: (message, error) => problems.push(error === undefined ? message : `${message}: ${describe(error)}`) };
}

export function recordEvents(hub: { subscribe(listener: EventListener): unknown }, problems: readonly string[]): EventRecorder {
  const events: RecordedEvent[] = [];
  const waiters = new Set<() => void>();
  hub.subscribe((name, payload) => {
    events.push({ name, payload });
    for (const w of [...waiters]) w();
  });
  return {
    events,
    waitFor(name, predicate = () => true, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find((e) => e.name === name && predicate(e.payload as never));
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.payload as never);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${name} event within ${timeoutMs} ms; problems: ${problems.join(' | ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** `router` is read on every call, so a harness may swap it (e.g. after recomposing an area). */
export function callsThrough(router: () => Router): ContractCalls {
  const call = <C extends ChannelName>(channel: C, input?: ChannelInput<C>) =>
    router().dispatch(channel, input, { transport: 'test' }) as Promise<Result<ChannelOutput<C>>>;
  return {
    call,
    async data(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
  };
}

/**
 * A validating router over just these areas; any other channel answers UNKNOWN_CHANNEL naming the
 * tests, so a test that strays outside its areas says so instead of reaching an unrelated handler.
 */
export function routerOverAreas(areas: FeatureArea[], log: (message: string, error: unknown) => void, testsName: string): Router {
  const notHere = () => {
    throw new AppError('UNKNOWN_CHANNEL', `Not part of the ${testsName} tests.`);
  };
  const handlers = Object.assign({}, ...areas.map((a) => a.handlers)) as Record<string, unknown>;
  return createRouter(new Proxy(handlers, { get: (target, key: string) => target[key] ?? notHere }) as Handlers, { validateOutput: true, log });
}

/** A running test emulator as the profiles' Local library (closing the handle closes the emulator). */
export function testEmulatorAsLocalLibrary(emulator: TestEmulator): LocalLibraryHandle {
  const { apiUrl, urlEndpoint, publicKey, privateKey } = emulator;
  return { apiUrl, urlEndpoint, publicKey, privateKey, close: () => emulator.close() };
}

export interface CoreHarness extends EventRecorder {
  root: string;
  dataDir: string;
  /** Real settings, profiles (in-memory secret stores), SDK clients and a validating event hub. */
  core: CoreServices;
  localLibrary: LocalLibraryHandle;
  /** Everything `core.log` received. */
  problems: string[];
  /** Closes the Local library and removes the temp dir (close the areas first). */
  close(): Promise<void>;
}

/**
 * The app's core services composed as create-app-services does, on a fresh data dir, for tests that
 * put single feature areas on them. The Local library is the real emulator: in this process under
 * the data dir (as the web host runs it), or the given one.
 */
export async function startCoreHarness(label: string, options: { localLibrary?: LocalLibraryHandle } = {}): Promise<CoreHarness> {
  const dir = await makeTempAppDir(label);
  const { dataDir } = dir;
  const localLibrary = options.localLibrary ?? (await startLocalLibraryInProcess({ dataDir: path.join(dataDir, 'local-library') }));
  const settings = openSettings(dataDir);
  const profiles = new ProfileService({ settings, keychain: new MemorySecretStore(), session: new MemorySecretStore(), localLibrary });
  const hub = new EventHub(true);
  const { problems, log } = problemLog();
  const recorder = recordEvents(hub, problems);
  const core: CoreServices = { dataDir, profiles, sessions: new ProfileSessions(profiles), events: hub, settings, grants: new GrantedPaths(), log };
  return {
    ...recorder,
    root: dir.root,
    dataDir,
    core,
    localLibrary,
    problems,
    async close() {
      await localLibrary.close();
      await dir.remove();
    },
  };
}

export interface AppHarness extends EventRecorder, ContractCalls {
  root: string;
  dataDir: string;
  app: AppServices;
  /** Everything the services logged (unexpected failures land here with their cause). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * The whole app composition (createAppServices, as both hosts build it) on a fresh data dir, its
 * Local library the real emulator in this process; calls go through the contract's router with
 * output validation on.
 */
export async function startAppHarness(
  label: string,
  options: Pick<AppServicesOptions, 'version' | 'keychain' | 'connectionTimeoutMs'>,
): Promise<AppHarness> {
  const dir = await makeTempAppDir(label);
  const { problems, log } = problemLog();
  const app = await createAppServices({ ...options, dataDir: dir.dataDir, host: 'web', startLocalLibrary: startLocalLibraryInProcess, validate: true, log });
  return {
    ...recordEvents(app.events, problems),
    ...callsThrough(() => app.router),
    root: dir.root,
    dataDir: dir.dataDir,
    app,
    problems,
    async close() {
      await app.close();
      await dir.remove();
    },
  };
}
