import path from 'node:path';
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import { electronVersion, loadBuilderConfig } from './builder-config';
import { prepareAppBuild, repoRoot } from './app-build';
import { writeStubElectronDist } from './stub-electron-dist';

export interface StubPackage {
  /** linux-unpacked: the stub executable (renamed to the app's) and resources/. */
  appOutDir: string;
  executable: string;
  asar: string;
  unpackedDir: string;
}

/**
 * Runs electron-builder's `--linux dir` target offline on the repo, with the checked-in configuration
 * and only two overrides: the Electron distribution is the fuse-wired stub (nothing to download) and
 * the output goes to `work`. Everything else (files, asarUnpack, fuses) is exactly what ships.
 */
export async function buildStubPackage(work: string): Promise<StubPackage> {
  const version = await electronVersion();
  const stubDist = await writeStubElectronDist(path.join(work, 'electron-stub'), version);
  await prepareAppBuild();
  const base = await loadBuilderConfig();
  const output = path.join(work, 'out');
  // electron-builder reads electron-builder.yml from the project itself and lays these on top.
  const overrides: Configuration = { electronDist: stubDist, electronVersion: version, directories: { output }, publish: null };
  await build({ projectDir: repoRoot, config: overrides, targets: Platform.LINUX.createTarget('dir', Arch.x64), publish: 'never' });
  const appOutDir = path.join(output, 'linux-unpacked');
  const executableName = typeof base.linux?.executableName === 'string' ? base.linux.executableName : String(base.productName ?? 'mediadesk').toLowerCase();
  return {
    appOutDir,
    executable: path.join(appOutDir, executableName),
    asar: path.join(appOutDir, 'resources', 'app.asar'),
    unpackedDir: path.join(appOutDir, 'resources', 'app.asar.unpacked'),
  };
}
