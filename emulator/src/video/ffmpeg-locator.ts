import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ToolName = 'ffmpeg' | 'ffprobe';

export interface MediaTool {
  path: string;
  /** Where it was found: the environment override, the npm package that ships it, or PATH. */
  source: 'env' | 'npm' | 'path';
}

export interface MediaTools {
  ffmpeg: MediaTool;
  ffprobe: MediaTool;
}

/** No usable ffmpeg/ffprobe: video files are still stored, but not probed or transformed. */
export class EncoderMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncoderMissing';
  }
}

const ENV: Record<ToolName, string> = { ffmpeg: 'MEDIADESK_FFMPEG', ffprobe: 'MEDIADESK_FFPROBE' };
/** npm packages whose per-platform optional dependency (`@ffmpeg-installer/linux-x64`, …) holds the binary itself. */
const NPM_SCOPE: Record<ToolName, string> = { ffmpeg: '@ffmpeg-installer', ffprobe: '@ffprobe-installer' };

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform === 'win32') return true;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Inside a packaged app the package resolves into `app.asar`, which a child process cannot execute from;
 * electron-builder's `asarUnpack` puts the real file beside it in `app.asar.unpacked`.
 */
export function unpackedFromAsar(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

function fromNpm(tool: ToolName): string | undefined {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  let dir: string;
  try {
    const require = createRequire(import.meta.url);
    dir = path.dirname(require.resolve(`${NPM_SCOPE[tool]}/${process.platform}-${process.arch}/package.json`));
  } catch {
    return undefined; // no binary package for this platform/architecture
  }
  const file = unpackedFromAsar(path.join(dir, exe));
  if (isExecutableFile(file)) return file;
  // npm may leave the binary without its execute bit when install scripts are disabled; the owner can add it.
  try {
    chmodSync(file, 0o755);
  } catch {
    return undefined;
  }
  return isExecutableFile(file) ? file : undefined;
}

function fromPath(tool: ToolName, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, tool + ext);
      if (isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

/** One tool: the environment override (which must work if set), else the npm binary, else PATH. */
export function locateTool(tool: ToolName, env: NodeJS.ProcessEnv = process.env): MediaTool {
  const override = env[ENV[tool]];
  if (override !== undefined && override !== '') {
    if (isExecutableFile(override)) return { path: override, source: 'env' };
    throw new EncoderMissing(`${ENV[tool]} is set to "${override}", which is not an executable file. Point it at a ${tool} executable or unset it.`);
  }
  const npm = fromNpm(tool);
  if (npm) return { path: npm, source: 'npm' };
  const found = fromPath(tool, env);
  if (found) return { path: found, source: 'path' };
  throw new EncoderMissing(
    `No ${tool} executable was found: the ${NPM_SCOPE[tool]}/${process.platform}-${process.arch} package is not installed and ${tool} is not on PATH. ` +
      `Run npm install, install ffmpeg (e.g. apt-get install ffmpeg), or set ${ENV[tool]} to its path.`,
  );
}

let cached: { key: string; result: MediaTools | EncoderMissing } | undefined;

/**
 * The ffmpeg and ffprobe this process uses, or the reason there are none. Re-resolved when the
 * override variables or PATH change (tests switch them), otherwise cached.
 */
export function mediaTools(env: NodeJS.ProcessEnv = process.env): MediaTools | EncoderMissing {
  const key = [env.MEDIADESK_FFMPEG, env.MEDIADESK_FFPROBE, env.PATH].join('\0');
  if (cached?.key === key) return cached.result;
  let result: MediaTools | EncoderMissing;
  try {
    result = { ffmpeg: locateTool('ffmpeg', env), ffprobe: locateTool('ffprobe', env) };
  } catch (err) {
    if (!(err instanceof EncoderMissing)) throw err;
    result = err;
  }
  cached = { key, result };
  return result;
}

/** The tools, or throws EncoderMissing. */
export function requireMediaTools(env: NodeJS.ProcessEnv = process.env): MediaTools {
  const tools = mediaTools(env);
  if (tools instanceof EncoderMissing) throw tools;
  return tools;
}
