import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncoderMissing, locateTool, mediaTools, unpackedFromAsar } from '../../src/video/ffmpeg-locator.js';

describe('ffmpeg locator', () => {
  it('uses the binary the npm package ships when nothing overrides it', () => {
    const tool = locateTool('ffmpeg', { PATH: '' });
    expect(tool.source).toBe('npm');
    expect(tool.path).toMatch(new RegExp(`@ffmpeg-installer[\\\\/]${process.platform}-${process.arch}[\\\\/]ffmpeg`));
    expect(locateTool('ffprobe', { PATH: '' }).source).toBe('npm');
  });

  it('takes MEDIADESK_FFMPEG first, and refuses an override that is not an executable file', async () => {
    const npm = locateTool('ffmpeg', {});
    expect(locateTool('ffmpeg', { MEDIADESK_FFMPEG: npm.path })).toEqual({ path: npm.path, source: 'env' });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-locator-'));
    try {
      const notExecutable = path.join(dir, 'ffmpeg');
      await writeFile(notExecutable, '#!/bin/sh\n', { mode: 0o644 });
      expect(() => locateTool('ffmpeg', { MEDIADESK_FFMPEG: notExecutable })).toThrow(/MEDIADESK_FFMPEG is set to .* not an executable file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports missing tools as EncoderMissing saying what to do', () => {
    const tools = mediaTools({ MEDIADESK_FFPROBE: '/nonexistent/ffprobe', PATH: '' });
    expect(tools).toBeInstanceOf(EncoderMissing);
    expect((tools as EncoderMissing).message).toMatch(/MEDIADESK_FFPROBE/);
  });

  it('maps a path inside app.asar to app.asar.unpacked, where electron-builder puts the executables', () => {
    expect(unpackedFromAsar('/opt/MediaDesk/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe(
      '/opt/MediaDesk/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
    );
    expect(unpackedFromAsar('C:\\MediaDesk\\resources\\app.asar\\node_modules\\x\\ffmpeg.exe')).toBe('C:\\MediaDesk\\resources\\app.asar.unpacked\\node_modules\\x\\ffmpeg.exe');
    expect(unpackedFromAsar('/repo/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe('/repo/node_modules/@ffmpeg-installer/linux-x64/ffmpeg');
  });
});
