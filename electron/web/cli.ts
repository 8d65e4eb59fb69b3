import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startWebApp } from './start-web-app';
import { ensureRendererBuilt } from './ensure-renderer';
import { errorMessage } from '../../shared/error-message';

/**
 * `npm run web -- --port <n> --data <dir>`: the MediaDesk services and the built renderer on
 * 127.0.0.1, for tests and for machines where Electron cannot run. Prints one ready line.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const usage = 'usage: npm run web -- [--port <n>] [--data <dir>] [--renderer <dir>] [--no-keychain]';

function fail(message: string): never {
  console.error(`web: ${message}\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      renderer: { type: 'string' },
      'no-keychain': { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(errorMessage(error));
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, not "${values.port}"`);

const rendererDir = path.resolve(values.renderer ?? path.join(repoRoot, 'dist', 'renderer'));
// Vite writes its progress to stdout: keep it off the line readers wait for (`web ready`).
const renderer = ensureRendererBuilt(rendererDir, repoRoot, (line) => console.error(line));
if (!renderer.ok) fail(renderer.message);

const app = await startWebApp({
  port,
  dataDir: path.resolve(values.data ?? path.join(repoRoot, '.data', 'web')),
  rendererDir,
  keychain: values['no-keychain'] || process.env.MEDIADESK_KEYCHAIN === 'off' ? 'off' : 'auto',
}).catch((error: unknown) => fail(`could not start: ${errorMessage(error)}`));

console.log(`web ready url=${app.url}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
