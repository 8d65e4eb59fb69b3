/**
 * The emulator's internal view of one stored file version. Routes turn it into ImageKit's
 * `FileDetails` JSON (see `toFileDetails`); search evaluates queries against it.
 * Paths are always normalised: `filePath` starts with `/`, `folderPath` starts and ends with `/`.
 */
export interface AITag {
  name: string;
  confidence: number;
  source: 'google-auto-tagging' | 'aws-auto-tagging' | string;
}

export interface FileRecord {
  /** Stable id of the file (shared by all its versions). */
  fileId: string;
  /** Id of this version. The current version's `versionId` is what `versionInfo.id` reports. */
  versionId: string;
  /** 1-based ordinal, rendered as `versionInfo.name = "Version <n>"`. */
  versionNumber: number;
  /** True for the version that `GET /v1/files` returns as `type: "file"`. */
  isCurrent: boolean;
  name: string;
  filePath: string;
  folderPath: string;
  tags: string[] | null;
  aiTags: AITag[] | null;
  isPrivateFile: boolean;
  isPublished: boolean;
  customCoordinates: string | null;
  fileType: 'image' | 'non-image';
  mime: string;
  /** Lower-case format name as search's `format` field uses it: jpg, png, webp, gif, svg, avif, pdf, … */
  format: string;
  width: number | null;
  height: number | null;
  size: number;
  hasAlpha: boolean;
  /** Seconds; only for video/audio. */
  duration: number | null;
  /** Bits per second of a video/audio file (ffprobe); absent for other files and for records stored before probing existed. */
  bitRate?: number | null;
  /** ffprobe codec names (`h264`, `vp9`, `aac`, `opus`…) of the first video and audio stream. */
  videoCodec?: string | null;
  audioCodec?: string | null;
  customMetadata: Record<string, unknown>;
  embeddedMetadata: Record<string, unknown>;
  description: string | null;
  /** sha256 hex of the bytes: the key into the blob store. */
  blobHash: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FolderRecord {
  folderId: string;
  name: string;
  /** `/a/b/` style, as stored; `FolderDetails.folderPath` drops the trailing slash. */
  folderPath: string;
  customMetadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
