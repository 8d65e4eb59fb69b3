/**
 * `npm run dist`: builds the renderer and the Electron bundle into dist/, then packages the app for
 * this platform with electron-builder.yml (Linux: AppImage + deb, macOS: dmg + zip, Windows: nsis).
 * electron-builder downloads the Electron runtime and its packaging tools on the first run; where that
 * is impossible (offline CI) it stops with one line saying so. The offline package check
 * (scripts/package-check/) covers the same configuration without a download.
 * Extra arguments go to electron-builder's target selection, e.g. `npm run dist -- --dir`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build as viteBuild } from 'vite';
import { build, Platform } from 'electron-builder';
import { bundleElectron } from '../electron/build/bundle-electron';
import { repoRoot } from './package-check/app-build';
import { errorMessage } from '../shared/error-message';

const NETWORK_FAILURE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|getaddrinfo|socket hang up/i;

function currentPlatform(): Platform {
  if (process.platform === 'darwin') return Platform.MAC;
  if (process.platform === 'win32') return Platform.WINDOWS;
  return Platform.LINUX;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'boolean', default: false } } });
  await viteBuild({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  await bundleElectron(path.join(repoRoot, 'dist', 'electron'));
  const platform = currentPlatform();
  const targets = values.dir ? platform.createTarget('dir') : platform.createTarget();
  const artifacts = await build({ projectDir: repoRoot, targets, publish: 'never' }); // reads electron-builder.yml
  console.log(`packaged MediaDesk for ${platform.name}:`);
  for (const artifact of artifacts) console.log(`  ${path.relative(repoRoot, artifact)}`);
}

main().catch((error: unknown) => {
  const message = errorMessage(error);
  if (NETWORK_FAILURE.test(message)) {
    console.error("npm run dist: electron-builder can't download Electron or its packaging tools on this machine (no network). The offline package check covers the configuration: npx vitest run scripts/package-check");
  } else {
    console.error(error);
  }
  process.exit(1);
});
