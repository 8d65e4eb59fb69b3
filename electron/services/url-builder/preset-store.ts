// URL-builder presets, one JSON file per profile (`<dataDir>/profiles/<id>/url-presets.json`). A preset is
// a handful of small option objects edited one at a time, so a validated file written atomically (temp
// file + rename) is enough; a damaged file is refused with its path rather than silently emptied.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/ipc/index';
import { UrlPreset, type PresetOptions } from '../../../shared/domain/urls';

const PresetFile = z.object({ version: z.literal(1), presets: z.array(UrlPreset) });

export interface PresetStore {
  list(profileId: string): Promise<UrlPreset[]>;
  save(profileId: string, name: string, options: PresetOptions): Promise<UrlPreset>;
  delete(profileId: string, id: string): Promise<void>;
}

export function presetFilePath(dataDir: string, profileId: string): string {
  // Profile ids come from settings, but never let one walk out of the profiles folder.
  const segment = encodeURIComponent(profileId).replace(/\./g, '%2E');
  return path.join(dataDir, 'profiles', segment, 'url-presets.json');
}

export function createPresetStore(dataDir: string, now: () => Date = () => new Date()): PresetStore {
  // One write at a time per file, so two quick saves cannot lose each other's preset.
  const queues = new Map<string, Promise<unknown>>();
  function serialised<T>(file: string, work: () => Promise<T>): Promise<T> {
    const next = (queues.get(file) ?? Promise.resolve()).then(work, work);
    queues.set(file, next.catch(() => undefined));
    return next;
  }

  async function read(file: string): Promise<UrlPreset[]> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('INTERNAL', `The presets file ${file} is not valid JSON. Fix or move it away; nothing was changed.`);
    }
    const parsed = PresetFile.safeParse(json);
    if (!parsed.success) throw new AppError('INTERNAL', `The presets file ${file} does not have the expected shape. Fix or move it away; nothing was changed.`);
    return parsed.data.presets;
  }

  async function write(file: string, presets: UrlPreset[]): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: 1, presets }, null, 2));
    await rename(temp, file);
  }

  return {
    list: (profileId) => read(presetFilePath(dataDir, profileId)),
    save(profileId, name, options) {
      const file = presetFilePath(dataDir, profileId);
      return serialised(file, async () => {
        const presets = await read(file);
        const trimmed = name.trim();
        const existing = presets.find((p) => p.name === trimmed);
        const preset = UrlPreset.parse({
          id: existing?.id ?? randomUUID(),
          name: trimmed,
          createdAt: now().toISOString(),
          options,
        });
        const next = existing ? presets.map((p) => (p.id === existing.id ? preset : p)) : [...presets, preset];
        await write(file, next);
        return preset;
      });
    },
    delete(profileId, id) {
      const file = presetFilePath(dataDir, profileId);
      return serialised(file, async () => {
        const presets = await read(file);
        if (!presets.some((p) => p.id === id)) throw new AppError('NOT_FOUND', 'That preset no longer exists.');
        await write(file, presets.filter((p) => p.id !== id));
      });
    },
  };
}
