import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppServices, AppServicesOptions } from '../services/app/create-app-services';
import { startWebHost, type WebHost } from './web-host';

export interface WebAppOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  keychain?: AppServicesOptions['keychain'];
  keychainService?: string;
  token?: string;
  /**
   * Called once the host listens, while the services (settings, keychain, Local library, feature areas)
   * may still be starting: the page can load meanwhile, and its calls wait for them.
   */
  onListening?: (url: string) => void;
}

const packageJson = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');

/**
 * The services, composed the same way Electron's main.ts does it. Imported here, not at the top: their
 * modules (the contract's schemas, the emulator's server, the databases) take longer to load than the
 * host takes to listen, so the page loads while they do.
 */
async function startServices(options: WebAppOptions, version: string): Promise<AppServices> {
  const [{ createAppServices }, { startLocalLibraryInProcess }] = await Promise.all([
    import('../services/app/create-app-services'),
    import('../services/local-library/in-process'),
  ]);
  return createAppServices({
    dataDir: options.dataDir,
    host: 'web',
    version,
    startLocalLibrary: startLocalLibraryInProcess,
    keychain: options.keychain,
    keychainService: options.keychainService,
    validate: process.env.NODE_ENV !== 'production',
  });
}

/**
 * Services + web host, minus the window. The host listens first and the services start alongside it;
 * this resolves once both are up (and rejects, with both closed, when either fails).
 */
export async function startWebApp(options: WebAppOptions): Promise<WebHost & { services: AppServices }> {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const starting = startServices(options, version);
  starting.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled" meanwhile
  let host: WebHost;
  try {
    host = await startWebHost({ services: starting, rendererDir: options.rendererDir, port: options.port, token: options.token });
  } catch (error) {
    await starting.then((services) => services.close(), () => undefined);
    throw error;
  }
  options.onListening?.(host.url);
  let services: AppServices;
  try {
    services = await starting;
  } catch (error) {
    await host.close();
    throw error;
  }
  void services.monitor.activeStatus(); // first check of the active profile, pushed to whoever is connected
  return {
    ...host,
    services,
    close: async () => {
      await host.close();
      await services.close();
    },
  };
}
