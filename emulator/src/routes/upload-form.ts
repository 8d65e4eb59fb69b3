import type { FastifyRequest } from 'fastify';
import { badRequest } from '../http/errors.js';
import type { BlobStore, StagedBlob } from '../store/blobs.js';

export interface UploadForm {
  fields: Record<string, string>;
  /** The `file` part when sent as bytes, already staged on disk. */
  staged?: StagedBlob;
  /** Client-supplied name of the file part (unused by ImageKit; kept for messages). */
  partFileName?: string;
}

/**
 * Reads an upload's multipart body: text fields into `fields`, the `file` part streamed to a
 * staged temp file (never buffered whole). Any failure removes the staged file. `beforeFile` sees the
 * fields sent ahead of the file part and may refuse the upload before its bytes are read.
 */
export async function readUploadForm(
  request: FastifyRequest,
  blobs: BlobStore,
  maxBytes: number,
  beforeFile: (fieldsSoFar: Record<string, string>) => void = () => {},
): Promise<UploadForm> {
  if (!request.isMultipart()) {
    throw badRequest('Upload expects a multipart/form-data body with a file parameter.');
  }
  // No prototype: a part named `__proto__` must stay an ordinary (rejected-later or ignored) field.
  const form: UploadForm = { fields: Object.create(null) as Record<string, string> };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw badRequest(`Your request contains an unexpected file part "${part.fieldname}". Send the file as "file".`);
        }
        if (form.staged || form.fields.file !== undefined) throw badRequest('Your request contains more than one file parameter.');
        try {
          beforeFile(form.fields);
        } catch (err) {
          part.file.resume();
          throw err;
        }
        form.staged = await blobs.stage(part.file, maxBytes);
        if (part.file.truncated) throw badRequest('Your request contains invalid file parameter. The file size exceeds limits.');
        form.partFileName = part.filename;
      } else {
        if (typeof part.value !== 'string') throw badRequest(`Your request contains invalid ${part.fieldname} parameter.`);
        if (part.fieldname === 'file' && form.staged) throw badRequest('Your request contains more than one file parameter.');
        if (part.fieldnameTruncated || part.valueTruncated) {
          throw badRequest(`Your request contains invalid ${part.fieldname} parameter. The value is too long.`);
        }
        if (Object.hasOwn(form.fields, part.fieldname)) {
          throw badRequest(`Your request contains the ${part.fieldname} parameter more than once.`);
        }
        form.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (form.staged) await blobs.discard(form.staged);
    throw err;
  }
  return form;
}
