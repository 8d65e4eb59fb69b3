import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServicesOptions } from '../services/app/create-app-services';
import { startLocalLibraryInProcess } from '../services/local-library/in-process';
import { startWebHost, type WebHost } from './web-host';

export interface WebAppOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  keychain?: AppServicesOptions['keychain'];
  keychainService?: string;
  token?: string;
}

const packageJson = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');

/** Services + web host, composed the same way Electron's main.ts does it, minus the window. */
export async function startWebApp(options: WebAppOptions): Promise<WebHost & { services: Awaited<ReturnType<typeof createAppServices>> }> {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const services = await createAppServices({
    dataDir: options.dataDir,
    host: 'web',
    version,
    startLocalLibrary: startLocalLibraryInProcess,
    keychain: options.keychain,
    keychainService: options.keychainService,
    validate: process.env.NODE_ENV !== 'production',
  });
  try {
    const host = await startWebHost({ services, rendererDir: options.rendererDir, port: options.port, token: options.token });
    void services.monitor.activeStatus(); // first check of the active profile, pushed to whoever is connected
    return {
      ...host,
      services,
      close: async () => {
        await host.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
