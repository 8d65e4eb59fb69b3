import type { EmulatorConfig } from '../context.js';
import type { DeliveryResponse } from '../delivery/service.js';
import type { DeliveryUrl } from '../delivery/request-url.js';
import { NO_EXPIRY, signUrl } from '../delivery/signature.js';
import type { FileRecord } from '../model/file-record.js';
import { HELP } from '../http/errors.js';

/**
 * ImageKit's answer while a video transformation is still being prepared: 302 to the original video
 * (documented: "If the asset is not prepared by this time, ImageKit gives a 302 and serves the original
 * video"). A private original gets a signature with the same expiry as the request's, so the redirect
 * works for exactly as long as the URL that led to it.
 */
export function redirectToOriginal(config: EmulatorConfig, url: DeliveryUrl, signedOk: boolean, record: FileRecord): DeliveryResponse {
  let relative = record.filePath.split('/').slice(1).map(encodeURIComponent).join('/');
  if (url.versionId !== undefined) relative += `?ik-obj-version=${encodeURIComponent(url.versionId)}`;
  if (record.isPrivateFile && signedOk) {
    const expiry = url.signature.t === undefined ? NO_EXPIRY : Number(url.signature.t);
    const sep = relative.includes('?') ? '&' : '?';
    relative += `${sep}ik-s=${signUrl(config.privateKey, relative, expiry)}${url.signature.t === undefined ? '' : `&ik-t=${url.signature.t}`}`;
  }
  const message = 'The video transformation is being prepared; until it is ready the original video is served.';
  return {
    status: 302,
    headers: { location: `${config.urlEndpoint}/${relative}`, 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', 'x-emulator-pending': 'transformation' },
    body: Buffer.from(JSON.stringify({ message, help: HELP })),
  };
}
