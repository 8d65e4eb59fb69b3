import sharp from 'sharp';

/**
 * The legacy `metadata` object of an upload response (`responseFields=metadata`).
 * Non-images only carry their size, as ImageKit's non-image examples do.
 */
export async function computeUploadMetadata(filePath: string, size: number): Promise<Record<string, unknown>> {
  try {
    const meta = await sharp(filePath, { failOn: 'none' }).metadata();
    if (!meta.width || !meta.height) return { size };
    return {
      height: meta.height,
      width: meta.width,
      size,
      format: meta.format === 'jpeg' ? 'jpg' : meta.format,
      hasColorProfile: meta.icc !== undefined,
      quality: 0,
      density: meta.density ?? 72,
      hasTransparency: meta.hasAlpha ?? false,
    };
  } catch {
    return { size };
  }
}
