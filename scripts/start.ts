import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { electronDir, installedElectron, repoRoot } from './electron-binary';
import { errorMessage } from '../shared/error-message';
import { productionEnv } from '../electron/web/ensure-renderer';

/**
 * `npm start`: runs MediaDesk. With an Electron binary (or one it can fetch) it opens the desktop
 * app; where Electron cannot be fetched (offline machines like CI) it says so in one line and
 * serves the same app to the browser through the web host instead, printing the URL.
 */
const FETCH_TIMEOUT_MS = 180_000;

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, data: { type: 'string' }, web: { type: 'boolean', default: false } },
  strict: true,
});


/** Runs electron's own installer (download from its release mirror). Quiet; true on success. */
function fetchElectron(): boolean {
  if (!existsSync(path.join(electronDir, 'install.js'))) return false;
  console.log('Electron is not installed yet; fetching it…');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: FETCH_TIMEOUT_MS,
    env: { ...process.env, force_no_cache: 'false' },
  });
  return result.status === 0 && installedElectron() !== undefined;
}

function ensureRendererBuilt(): void {
  if (existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) return;
  console.log('Building the user interface (first run)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit', env: productionEnv() });
  if (result.status !== 0) {
    console.error('Could not build the user interface; see the errors above.');
    process.exit(1);
  }
}

async function runElectron(binary: string): Promise<void> {
  const { bundleElectron } = await import('../electron/build/bundle-electron');
  await bundleElectron();
  const child = spawn(binary, [repoRoot], { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function runWebHost(): Promise<void> {
  const [{ startWebApp }, { defaultDataDir }] = await Promise.all([import('../electron/web/start-web-app'), import('../electron/services/app/data-dir')]);
  const starting = startWebApp({
    port: Number(values.port),
    dataDir: values.data ? path.resolve(values.data) : defaultDataDir(),
    rendererDir: path.join(repoRoot, 'dist', 'renderer'),
    keychain: process.env.MEDIADESK_KEYCHAIN === 'off' ? 'off' : 'auto',
    // The address is usable as soon as the host listens: the page loads while the Local library starts,
    // and its first calls wait for it. (`npm run web`, for tests, prints once everything is up.)
    onListening: (url) => {
      console.log(`web ready url=${url}`);
      console.log('Open that address in your browser. Press Ctrl+C to stop.');
    },
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void starting.then((app) => app.close(), () => undefined).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await starting.catch((error: unknown) => {
    console.error(`MediaDesk could not start: ${errorMessage(error)}`);
    process.exit(1);
  });
}

ensureRendererBuilt();
const binary = values.web ? undefined : (installedElectron() ?? (fetchElectron() ? installedElectron() : undefined));
if (binary) {
  await runElectron(binary);
} else {
  if (!values.web) console.log("Electron can't be fetched on this machine, so MediaDesk runs in your browser instead.");
  await runWebHost();
}
