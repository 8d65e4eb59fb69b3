import { readFile } from 'node:fs/promises';
import type { LibraryReader } from '../context.js';
import { IkError, badRequest } from '../http/errors.js';
import type { FileRecord } from '../model/file-record.js';

/**
 * Who is asking for library files, which decides whether private files may be read:
 * - `signed`: a delivery URL with a valid `ik-s` (and unexpired `ik-t`), or the authenticated API
 *   (metadata by URL): private files are readable, as ImageKit serves them to signed URLs;
 * - `unsigned`: a delivery URL without a valid signature: private files are refused with 401;
 * - `pre-transformation`: an upload's `transformation.pre`: private files are refused with 400, because
 *   the result becomes a new file (public unless the upload says otherwise) and a client-side upload,
 *   which only holds a one-time token, must not be able to copy private pixels into it.
 */
export type Requester = 'signed' | 'unsigned' | 'pre-transformation';

const PRIVATE_MESSAGE = 'This file is private; request it with a signed URL.';

/** The answer to an unsigned request for a private file, whether requested directly or read by a layer or font. */
export function privateFileRefused(filePath?: string): IkError {
  const message = filePath === undefined ? PRIVATE_MESSAGE : `The file "${filePath}" used by this transformation is private; request the URL signed (ik-s) to use it.`;
  return new IkError(401, message, {}, { 'ik-error': `EACCES - ${message}` });
}

/** The one access rule for a library file: private files need a signed request. */
export function assertReadable(file: FileRecord, requester: Requester, filePath?: string): void {
  if (!file.isPrivateFile || requester === 'signed') return;
  if (requester === 'unsigned') throw privateFileRefused(filePath);
  throw badRequest(
    `The pre-transformation uses the private file "${filePath ?? file.filePath}" in a layer or font. Pre-transformations cannot read private files, because the result is stored as a new file; upload the layer file as public or apply the layer in a signed delivery URL instead.`,
  );
}

/**
 * Reads the library files a render asks for besides its own input (image layers at any depth, `ff-`
 * font files), each through `assertReadable`. Remembers whether a private file went into the result,
 * so the render cache can keep that result behind a signature too.
 */
export class LibraryFiles {
  private privateUsed = false;

  constructor(
    private readonly library: LibraryReader,
    private readonly requester: Requester,
  ) {}

  async load(filePath: string): Promise<{ buffer: Buffer; diskPath: string } | undefined> {
    const file = this.library.currentByPath(filePath);
    if (!file) return undefined;
    assertReadable(file, this.requester, filePath);
    if (file.isPrivateFile) this.privateUsed = true;
    const diskPath = this.library.blobPath(file.blobHash);
    return { buffer: await readFile(diskPath), diskPath };
  }

  /** True once a private file was read for this render. */
  get usedPrivate(): boolean {
    return this.privateUsed;
  }
}
