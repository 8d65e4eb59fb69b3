import { startEmulator } from '../../../emulator/src/index';
import type { LocalLibraryCommand, LocalLibraryMessage } from './utility-messages';
import { errorMessage } from '../../../shared/error-message';

/**
 * Entry point of the Electron utilityProcess that runs the Local library (so image work never
 * blocks the main process). Data dir from `--data <dir>`. Talks to the main process over
 * `process.parentPort`, which Electron provides in utility processes.
 */
interface ParentPort {
  postMessage(message: LocalLibraryMessage): void;
  on(event: 'message', listener: (event: { data: LocalLibraryCommand }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utility-entry must run inside an Electron utilityProcess.');

const dataIndex = process.argv.indexOf('--data');
const dataDir = dataIndex >= 0 ? process.argv[dataIndex + 1] : undefined;

try {
  if (!dataDir) throw new Error('missing --data <dir>');
  // No keys passed: the emulator generates its own, never one from the environment.
  const emulator = await startEmulator({ port: 0, dataDir, quiet: true });
  parentPort.on('message', ({ data }) => {
    if (data.type === 'close') void emulator.close().then(() => process.exit(0));
  });
  parentPort.postMessage({
    type: 'ready',
    apiUrl: emulator.apiUrl,
    urlEndpoint: emulator.urlEndpoint,
    publicKey: emulator.publicKey,
    privateKey: emulator.privateKey,
  });
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: errorMessage(error) });
  process.exit(1);
}
