import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { AppError } from '../../shared/ipc/index';
import type { TransferArchives } from '../services/transfer/backup-area';
import { attachmentHeader } from './serve-download';
import { checkUploadRequest } from './request-guards';
import type { Log } from './socket-guards';
import { tokenMatches } from './token';
import { answer, refuse, STATUS } from './envelope-response';

export { BACKUP_ZIP_PATH, RESTORE_ZIP_PATH } from './archive-path';

const ID = /^[A-Za-z0-9-]{1,64}$/;
/** A backup .zip may carry up to this many bytes (a whole library of originals; the unpacker checks the disk too). */
export const MAX_RESTORE_ZIP_BYTES = 100 * 1024 ** 3;

class TooLargeError extends Error {}


/**
 * `GET /transfers/backup.zip?token=…&id=…`: the .zip of a backup that `transfer.prepareBackupZip` made ready,
 * streamed as it is made (never held whole in memory or on disk). The token is the run's own, the id one the
 * contract handed out; each backup downloads once. A failure mid-way breaks the download rather than ending it
 * like a complete file.
 */
export async function serveBackupZip(req: IncomingMessage, res: ServerResponse, url: URL, deps: { token: string; archives: TransferArchives | null | undefined; log: Log }): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, 'BAD_INPUT', 'A backup is downloaded with GET.');
  if (!tokenMatches(deps.token, url.searchParams.get('token'))) return refuse(res, 401, 'NOT_ALLOWED', 'Open MediaDesk through the link the web host printed.');
  const id = url.searchParams.get('id') ?? '';
  if (!ID.test(id)) return refuse(res, 400, 'BAD_INPUT', 'Name the backup by the id MediaDesk gave it.');
  if (!deps.archives) return refuse(res, 404, 'NOT_FOUND', 'This MediaDesk cannot make backups.');
  let opened: ReturnType<TransferArchives['openBackupZip']>;
  try {
    opened = deps.archives.openBackupZip(id);
  } catch (error) {
    if (error instanceof AppError) return refuse(res, STATUS[error.code] ?? 400, error.code, error.message);
    throw error;
  }
  res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Disposition': attachmentHeader(opened.fileName), 'Cache-Control': 'no-store' });
  res.on('error', () => undefined);
  await opened.write(res);
}

/**
 * `PUT /transfers/restore.zip`, body: a backup .zip. The same checks as a file upload (our Origin, same-origin
 * fetch, the token in its header, a declared length within bounds), the body counted as it arrives, then
 * unpacked and checked whole (see restore-zip.ts) before its summary is answered; nothing reaches a library yet.
 */
export function serveRestoreZip(req: IncomingMessage, res: ServerResponse, deps: { port: number; token: string; archives: TransferArchives | null | undefined; log: Log; maxBytes?: number }): void {
  req.on('error', () => undefined);
  const maxBytes = deps.maxBytes ?? MAX_RESTORE_ZIP_BYTES;
  const verdict = checkUploadRequest(req, deps.port, deps.token, maxBytes);
  if (!verdict.ok) return refuse(res, verdict.status, verdict.status === 413 || verdict.status === 405 ? 'BAD_INPUT' : 'NOT_ALLOWED', `Backup refused: ${verdict.reason}.`);
  if (!deps.archives) return refuse(res, 404, 'NOT_FOUND', 'This MediaDesk cannot restore backups.');
  let seen = 0;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new TooLargeError(`A backup .zip may have at most ${maxBytes} bytes.`));
      else done(null, chunk);
    },
  });
  req.on('error', (error) => body.destroy(error));
  req.on('close', () => {
    if (!req.complete) body.destroy(new Error('the connection closed before the whole .zip was sent'));
  });
  req.pipe(body);
  deps.archives.receiveBackupZip(body).then(
    (summary) => answer(res, 200, { ok: true, data: summary }),
    (error: unknown) => {
      req.unpipe(body);
      if (error instanceof TooLargeError) return refuse(res, 413, 'BAD_INPUT', error.message);
      if (error instanceof AppError) return refuse(res, STATUS[error.code] ?? 400, error.code, error.message);
      deps.log('could not receive a backup .zip', error);
      refuse(res, 500, 'INTERNAL', 'MediaDesk could not read the backup .zip; try again.');
    },
  );
}
