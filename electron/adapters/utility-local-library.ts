import { utilityProcess } from 'electron';
import type { StartLocalLibrary } from '../services/local-library/local-library';
import { isLocalLibraryMessage } from '../services/local-library/utility-messages';

const READY_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * In the Electron app the Local library's emulator runs in a utilityProcess (a Node child managed
 * by Electron), started from the bundled utility-entry script.
 */
export function startLocalLibraryInUtilityProcess(entryPath: string): StartLocalLibrary {
  return ({ dataDir }) =>
    new Promise((resolve, reject) => {
      const child = utilityProcess.fork(entryPath, ['--data', dataDir], { serviceName: 'MediaDesk Local library', stdio: 'inherit' });
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`The Local library did not start within ${READY_TIMEOUT_MS / 1000} s.`));
      }, READY_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The Local library stopped while starting (exit code ${code}).`));
      });
      child.on('message', (message: unknown) => {
        if (!isLocalLibraryMessage(message)) return;
        clearTimeout(timer);
        if (message.type === 'failed') {
          reject(new Error(`The Local library could not start: ${message.message}`));
          return;
        }
        const { apiUrl, urlEndpoint, publicKey, privateKey } = message;
        resolve({
          apiUrl,
          urlEndpoint,
          publicKey,
          privateKey,
          close: async () => {
            child.postMessage({ type: 'close' });
            const forced = setTimeout(() => child.kill(), CLOSE_TIMEOUT_MS);
            await exited;
            clearTimeout(forced);
          },
        });
      });
    });
}
