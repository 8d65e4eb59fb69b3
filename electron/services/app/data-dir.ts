import os from 'node:os';
import path from 'node:path';

/**
 * Where MediaDesk keeps settings and the Local library, the same for the Electron app and the web
 * host (Electron's own userData location for an app named "MediaDesk"). MEDIADESK_DATA_DIR overrides.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.MEDIADESK_DATA_DIR) return path.resolve(env.MEDIADESK_DATA_DIR);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'MediaDesk');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'MediaDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'MediaDesk');
}
