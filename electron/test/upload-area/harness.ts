import type { ImageKit } from '@imagekit/nodejs';
import type { Router } from '../../../shared/ipc/router';
import type { FeatureArea } from '../../services/app/feature-area';
import type { GrantedPaths } from '../../services/security/granted-paths';
import { uploadsAreaWith } from '../../services/upload-area/area';
import { createPurgeArea } from '../../services/purge/area';
import { startTestEmulator, type TestEmulator, type TestEmulatorOptions } from '../../../emulator/test/helpers/emulator';
import { callsThrough, routerOverAreas, startCoreHarness, testEmulatorAsLocalLibrary, type ContractCalls, type EventRecorder } from '../helpers/core-harness';

export interface UploadsHarness extends ContractCalls, EventRecorder {
  emulator: TestEmulator;
  /** The official SDK on the Local library (what the tests verify with). */
  sdk: ImageKit;
  dataDir: string;
  root: string;
  /** The paths this process handed out (as the Electron adapters grant a drop or a pick). */
  grants: GrantedPaths;
  /** Closes the area only (the emulator keeps running), then composes it again on the same data dir. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The uploads area on the app's real core services (settings, profiles, SDK clients) on a fresh data dir
 * whose Local library is a real emulator (its limits settable, e.g. a small upload size), behind the
 * contract's router with output validation on.
 */
export async function startUploadsHarness(emulatorOptions: TestEmulatorOptions = {}): Promise<UploadsHarness> {
  const emulator = await startTestEmulator(emulatorOptions);
  const base = await startCoreHarness('uploads', { localLibrary: testEmulatorAsLocalLibrary(emulator) });
  const { core } = base;
  const factory = uploadsAreaWith({ queue: { retry: { baseDelayMs: 20, maxDelayMs: 200 } } });
  // The purge area rides along as in the app: a replaced file must leave a purge suggestion behind.
  const purgeArea: FeatureArea = await createPurgeArea(core);
  let area: FeatureArea = await factory(core);
  const route = (): Router => routerOverAreas([purgeArea, area], core.log, 'uploads');
  let router = route();
  return {
    ...callsThrough(() => router),
    emulator,
    sdk: emulator.sdk,
    dataDir: base.dataDir,
    root: base.root,
    grants: core.grants,
    events: base.events,
    waitFor: base.waitFor,
    async restart() {
      await area.close?.();
      area = await factory(core);
      router = route();
    },
    async close() {
      await area.close?.();
      await purgeArea.close?.();
      await base.close();
    },
  };
}
