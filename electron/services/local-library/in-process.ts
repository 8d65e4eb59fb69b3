import { startEmulator } from '../../../emulator/src/index';
import type { StartLocalLibrary } from './local-library';

/** The web host (and tests) run the Local library's emulator in their own Node process. */
export const startLocalLibraryInProcess: StartLocalLibrary = async ({ dataDir }) => {
  const emulator = await startEmulator({ port: 0, dataDir, quiet: true });
  return {
    apiUrl: emulator.apiUrl,
    urlEndpoint: emulator.urlEndpoint,
    publicKey: emulator.publicKey,
    privateKey: emulator.privateKey,
    close: () => Promise.resolve(emulator.close()),
  };
};
