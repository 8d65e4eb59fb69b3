import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../electron/services/app/create-app-services';
import { startLocalLibraryInProcess } from '../electron/services/local-library/in-process';
import { MemorySecretStore } from '../electron/services/secrets/memory-secret-store';

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
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-security-'));
  const logged: string[] = [];
  const services = await createAppServices({
    dataDir: path.join(root, 'data'),
    host: 'web',
    version: '0.0.0-test',
    startLocalLibrary: startLocalLibraryInProcess,
    keychain: new MemorySecretStore(),
    validate: true,
    connectionTimeoutMs: 2000,
    log: (message, error) => logged.push(`${message} ${error instanceof Error ? error.stack : JSON.stringify(error) ?? ''}`),
  });
  return {
    services,
    dataDir: path.join(root, 'data'),
    logged,
    close: async () => {
      await services.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
