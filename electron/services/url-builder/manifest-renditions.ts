// The renditions an adaptive stream's manifest lists, so the builder can show that the stream has the
// heights that were asked for (`sr-…`). HLS: the master playlist's `#EXT-X-STREAM-INF` lines; DASH: the
// video `<Representation>` elements of the MPD. Read leniently: an unreadable manifest lists nothing.

export interface ManifestRendition {
  width?: number;
  height: number;
  /** Peak bits per second the manifest declares. */
  bandwidth?: number;
}

const MAX_MANIFEST_CHARS = 1_000_000;
const MAX_RENDITIONS = 64;

function attribute(text: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s,:])${name}=("([^"]*)"|'([^']*)'|[^,\\s>]+)`, 'i').exec(text);
  if (!match) return undefined;
  return match[2] ?? match[3] ?? match[1];
}

const positiveInt = (value: string | undefined): number | undefined => {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
};

function hls(text: string): ManifestRendition[] {
  const out: ManifestRendition[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) continue;
    const resolution = /^(\d{1,5})x(\d{1,5})$/.exec(attribute(line, 'RESOLUTION') ?? '');
    if (!resolution) continue;
    const bandwidth = positiveInt(attribute(line, 'BANDWIDTH'));
    out.push({ width: Number(resolution[1]), height: Number(resolution[2]), ...(bandwidth ? { bandwidth } : {}) });
  }
  return out;
}

function dash(text: string): ManifestRendition[] {
  const out: ManifestRendition[] = [];
  for (const match of text.matchAll(/<Representation\b[^>]*>/gi)) {
    const tag = match[0];
    const height = positiveInt(attribute(tag, 'height'));
    // Audio representations have no height.
    if (!height) continue;
    const width = positiveInt(attribute(tag, 'width'));
    const bandwidth = positiveInt(attribute(tag, 'bandwidth'));
    out.push({ height, ...(width ? { width } : {}), ...(bandwidth ? { bandwidth } : {}) });
  }
  return out;
}

/** Video renditions of a manifest, lowest first, one per size. */
export function manifestRenditions(text: string, kind: 'hls' | 'dash'): ManifestRendition[] {
  const source = text.slice(0, MAX_MANIFEST_CHARS);
  const found = kind === 'hls' ? hls(source) : dash(source);
  const unique = new Map<string, ManifestRendition>();
  for (const r of found) if (!unique.has(`${r.width}x${r.height}`)) unique.set(`${r.width}x${r.height}`, r);
  return [...unique.values()].sort((a, b) => a.height - b.height).slice(0, MAX_RENDITIONS);
}
