import { startEmulator } from '../../../emulator/src/index';
import type { StartLocalLibrary } from './local-library';

/**
 * Set only by the Playwright config, so the end-to-end tests can upload from a loopback test
 * server. Nothing else sets it; without it the Local library refuses remote URLs and webhooks
 * that reach loopback, private or link-local addresses, like any emulator.
 */
export const TEST_ALLOW_PRIVATE_URLS_VARIABLE = 'MEDIADESK_TEST_ALLOW_PRIVATE_URLS';

/**
 * The web host (and tests) run the Local library's emulator in their own Node process. No keys are
 * passed: the emulator generates its own pair, so an ImageKit key in the environment never
 * becomes (or is written as) the Local library's key.
 */
export const startLocalLibraryInProcess: StartLocalLibrary = async ({ dataDir }) => {
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    quiet: true,
    allowPrivateRemoteUrls: process.env[TEST_ALLOW_PRIVATE_URLS_VARIABLE] === '1',
  });
  return {
    apiUrl: emulator.apiUrl,
    urlEndpoint: emulator.urlEndpoint,
    publicKey: emulator.publicKey,
    privateKey: emulator.privateKey,
    close: () => Promise.resolve(emulator.close()),
  };
};
