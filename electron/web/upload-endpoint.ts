import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { MAX_UPLOAD_BYTES } from '../../shared/domain/uploads';
import { StagedId } from '../../shared/ipc/areas/uploads';
import { AppError } from '../../shared/ipc/index';
import { OversizeError } from '../services/upload-area/staging';
import type { StagedIntake } from '../services/upload-area/staged-intake';
import { checkUploadRequest } from './request-guards';
import type { Log } from './socket-guards';
import { answer, refuse, STATUS } from './envelope-response';

/** `PUT /uploads/stage?stagedId=<id>[&profileId=<id>]`, body: the file's bytes as they are on disk. */
export { UPLOAD_PATH } from './upload-path';


export interface UploadEndpointOptions {
  port: number;
  token: string;
  intake: StagedIntake;
  log: Log;
  /** Most bytes one request may carry (default: the largest file ImageKit accepts). */
  maxBytes?: number;
}


/**
 * Streams a file the window sends (a `fetch` whose body is the File itself: the browser reads it from disk as
 * the request goes, nothing in script) into its staged copy, so its upload starts as soon as the last byte is in.
 * Every check of `checkUploadRequest` comes first; the body is then counted against `maxBytes` as it arrives
 * (a missing or lying Content-Length changes nothing) and never held whole in memory.
 */
export function serveUpload(req: IncomingMessage, res: ServerResponse, target: URL, options: UploadEndpointOptions): void {
  // An error on the request (a reset mid-body) must never reach the process as an unhandled 'error'.
  req.on('error', () => undefined);
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const verdict = checkUploadRequest(req, options.port, options.token, maxBytes);
  if (!verdict.ok) return refuse(res, verdict.status, verdict.status === 413 || verdict.status === 405 ? 'BAD_INPUT' : 'NOT_ALLOWED', `Upload refused: ${verdict.reason}.`);
  const stagedId = StagedId.safeParse(target.searchParams.get('stagedId'));
  const profileId = target.searchParams.get('profileId') ?? undefined;
  if (!stagedId.success || (profileId !== undefined && (profileId.length === 0 || profileId.length > 200))) {
    return refuse(res, 400, 'BAD_INPUT', 'Upload refused: the stagedId (and profileId, if given) in the query are not valid.');
  }

  let seen = 0;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new OversizeError(`A file may have at most ${maxBytes} bytes.`));
      else done(null, chunk);
    },
  });
  req.on('error', (error) => body.destroy(error));
  req.on('close', () => {
    if (!req.complete) body.destroy(new Error('the connection closed before the whole file was sent'));
  });
  req.pipe(body);
  options.intake.receive({ profileId, stagedId: stagedId.data }, body).then(
    ({ size }) => answer(res, 200, { ok: true, data: { size } }),
    (error: unknown) => {
      req.unpipe(body);
      if (error instanceof OversizeError) return refuse(res, 413, 'BAD_INPUT', error.message);
      if (error instanceof AppError) return refuse(res, STATUS[error.code] ?? 400, error.code, error.message);
      options.log('could not receive an uploaded file', error);
      refuse(res, 500, 'INTERNAL', 'MediaDesk could not store the file; try again.');
    },
  );
}
