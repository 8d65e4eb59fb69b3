import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import type { ProfileSessions } from '../../services/sessions/profile-sessions';
import type { ProfileService } from '../../services/profiles/profile-service';
import type { GrantedPaths } from '../../services/security/granted-paths';
import { createLibraryArea } from '../../services/library/area';
import { createPurgeArea } from '../../services/purge/area';
import { callsThrough, routerOverAreas, startCoreHarness, type ContractCalls, type RecordedEvent } from '../helpers/core-harness';

export interface LibraryHarness extends ContractCalls {
  services: { sessions: ProfileSessions; profiles: ProfileService; problems: string[] };
  /** The paths this process handed out (as the Electron adapters grant a dialog's folder). */
  grants: GrantedPaths;
  dataDir: string;
  root: string;
  /** Every event pushed so far (the purge area rides along, as in the app). */
  events: RecordedEvent[];
  /** Uploads a small generated PNG into `folder` of the Local library through the official SDK. */
  upload(folder: string, name: string, options?: { isPrivateFile?: boolean; width?: number }): Promise<{ fileId: string; filePath: string }>;
  close(): Promise<void>;
}

/**
 * The library area composed on the app's real core services (settings, profiles, SDK clients) on a
 * fresh data dir whose Local library is the real emulator, behind the contract's router. The area is
 * composed on its own (not through createAppServices) so these tests do not depend on other feature
 * areas being registered yet; the web-host e2e covers the full composition.
 */
export async function startLibraryHarness(): Promise<LibraryHarness> {
  const base = await startCoreHarness('library');
  const { core, problems } = base;
  // Composed with the purge area so a rename can leave a purge suggestion behind, as in the app.
  const purgeArea = await createPurgeArea(core);
  const area = await createLibraryArea(core);
  const router = routerOverAreas([purgeArea, area], core.log, 'library');
  const services = { sessions: core.sessions, profiles: core.profiles, problems };
  return {
    ...callsThrough(() => router),
    services,
    grants: core.grants,
    dataDir: base.dataDir,
    root: base.root,
    events: base.events,
    async upload(folder, name, options = {}) {
      const width = options.width ?? 40;
      const png = await sharp({ create: { width, height: 30, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();
      const { client } = await services.sessions.resolve();
      const uploaded = await client.files.upload({
        file: await toFile(png, name),
        fileName: name,
        folder,
        useUniqueFileName: false,
        isPrivateFile: options.isPrivateFile ?? false,
      });
      return { fileId: uploaded.fileId ?? '', filePath: uploaded.filePath ?? '' };
    },
    async close() {
      await area.close?.();
      await purgeArea.close?.();
      await base.close();
    },
  };
}
