import type ImageKit from '@imagekit/nodejs';
import sharp from 'sharp';
import { FileDetails } from '../../../shared/domain/library';
import type { VersionEntry, VersionPixels } from '../../../shared/domain/editing';
import { AppError } from '../../../shared/ipc/index';
import { toEditingError } from './errors';

export interface VersionsDeps {
  client: ImageKit;
  /** The profile's URL endpoint (signing URLs of private files). */
  urlEndpoint: string;
  fetch?: typeof fetch;
}

/** `…/a.jpg?updatedAt=1` + version → `…/a.jpg?ik-obj-version=<id>&updatedAt=1` (how ImageKit addresses a version). */
export function versionUrl(url: string, versionId: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('ik-obj-version')) {
    const rest = [...parsed.searchParams.entries()];
    parsed.search = '';
    parsed.searchParams.set('ik-obj-version', versionId);
    for (const [k, v] of rest) parsed.searchParams.append(k, v);
  }
  return parsed.toString();
}

/** How long a signed preview URL of a private file stays valid. */
const PREVIEW_SIGNATURE_SECONDS = 3600;

function toEntry(raw: unknown, sign: (filePath: string, versionId: string | null) => string): VersionEntry {
  const details = FileDetails.parse(raw);
  const versionId = details.versionInfo?.id ?? details.fileId;
  const isCurrent = details.type !== 'file-version';
  const publicUrl = isCurrent ? details.url : versionUrl(details.url, versionId);
  return {
    versionId,
    versionName: details.versionInfo?.name ?? (isCurrent ? 'Current version' : versionId),
    isCurrent,
    // A private file's URLs answer 401 unless signed; the version parameter goes inside the signature.
    previewUrl: details.isPrivateFile ? sign(details.filePath, isCurrent ? null : versionId) : publicUrl,
    details,
  };
}

/** A file's version history through the versions endpoints. */
export class VersionsService {
  constructor(private readonly deps: VersionsDeps) {}

  /** Current version first, then older ones newest first. */
  async list(fileId: string): Promise<VersionEntry[]> {
    let raw: unknown[];
    try {
      raw = (await this.deps.client.files.versions.list(fileId)) as unknown[];
    } catch (error) {
      throw toEditingError(error, 'load the versions');
    }
    const entries = raw.map((r) => toEntry(r, (filePath, versionId) => this.signed(filePath, versionId, PREVIEW_SIGNATURE_SECONDS)));
    // Versions share the file's createdAt, so "Version N" (ImageKit's numbering) orders them; time breaks ties.
    const numberOf = (v: VersionEntry) => Number(/(\d+)\s*$/.exec(v.versionName)?.[1] ?? 0);
    return entries.sort(
      (a, b) =>
        Number(b.isCurrent) - Number(a.isCurrent) ||
        numberOf(b) - numberOf(a) ||
        b.details.updatedAt.localeCompare(a.details.updatedAt),
    );
  }

  async restore(fileId: string, versionId: string): Promise<FileDetails> {
    try {
      return FileDetails.parse(await this.deps.client.files.versions.restore(versionId, { fileId }));
    } catch (error) {
      throw toEditingError(error, 'restore the version');
    }
  }

  async delete(fileId: string, versionId: string): Promise<Record<string, never>> {
    try {
      await this.deps.client.files.versions.delete(versionId, { fileId });
      return {};
    } catch (error) {
      throw toEditingError(error, 'delete the version');
    }
  }

  /**
   * Both versions decoded and scaled to one size (the first one's proportions, at most `maxSize`),
   * as PNG data URLs: the renderer compares them on a canvas, which could not read cross-origin images.
   */
  async pixels(fileId: string, versionIds: [string, string], maxSize: number): Promise<VersionPixels> {
    const versions = await this.list(fileId);
    const chosen = versionIds.map((id) => {
      const entry = versions.find((v) => v.versionId === id);
      if (!entry) throw new AppError('NOT_FOUND', `Could not compare: version ${id} no longer exists. Refresh and try again.`);
      return entry;
    });
    const originals = await Promise.all(chosen.map((v) => this.download(v)));
    const first = await sharp(originals[0]).metadata();
    const scale = Math.min(1, maxSize / Math.max(first.width ?? 1, first.height ?? 1));
    const width = Math.max(1, Math.round((first.width ?? 1) * scale));
    const height = Math.max(1, Math.round((first.height ?? 1) * scale));
    const images = await Promise.all(
      originals.map(async (bytes, i) => {
        // `fill` stretches a differently shaped version onto the same grid, so pixel i compares with pixel i.
        const png = await sharp(bytes).rotate().resize(width, height, { fit: 'fill' }).png().toBuffer();
        return { versionId: chosen[i]!.versionId, dataUrl: `data:image/png;base64,${png.toString('base64')}` };
      }),
    );
    return { width, height, images };
  }

  private signed(filePath: string, versionId: string | null, expiresIn: number): string {
    return this.deps.client.helper.buildSrc({
      urlEndpoint: this.deps.urlEndpoint,
      src: filePath,
      signed: true,
      expiresIn,
      ...(versionId ? { queryParameters: { 'ik-obj-version': versionId } } : {}),
    });
  }

  private async download(version: VersionEntry): Promise<Buffer> {
    // previewUrl is already signed for private files.
    const src = version.previewUrl;
    let response: Response;
    try {
      response = await (this.deps.fetch ?? fetch)(src);
    } catch (error) {
      throw new AppError('UNREACHABLE', `Could not download ${version.versionName}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new AppError('UNREACHABLE', `Could not download ${version.versionName}: the server answered HTTP ${response.status}.`);
    return Buffer.from(await response.arrayBuffer());
  }
}
