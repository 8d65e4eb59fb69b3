import type { AppServices } from '../electron/services/app/create-app-services';
import { MemorySecretStore } from '../electron/services/secrets/memory-secret-store';
import { startAppHarness } from '../electron/test/helpers/core-harness';

export interface AppUnderTest {
  services: AppServices;
  dataDir: string;
  /** Everything the services logged (unexpected failures land here with their cause). */
  logged: string[];
  close(): Promise<void>;
}

/**
 * The real service graph, composed exactly as Electron's main and the web host compose it, with
 * its Local library (the emulator) in this process, an in-memory keychain and data in a temp dir.
 */
export async function startAppUnderTest(): Promise<AppUnderTest> {
  const harness = await startAppHarness('security', { version: '0.0.0-test', keychain: new MemorySecretStore(), connectionTimeoutMs: 2000 });
  return { services: harness.app, dataDir: harness.dataDir, logged: harness.problems, close: harness.close };
}
