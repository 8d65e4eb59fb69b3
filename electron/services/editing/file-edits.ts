import type ImageKit from '@imagekit/nodejs';
import { validateCustomMetadataValues } from '../../../shared/custom-metadata/validate';
import { FileDetails, type OperationOutcome } from '../../../shared/domain/library';
import { AppError } from '../../../shared/ipc/index';
import type { FileEdit } from '../../../shared/ipc/areas/editing';
import type { FieldsService } from './fields-service';
import { describeFieldErrors, messageOf, toEditingError } from './errors';

/** At most this many file updates are in flight at once (ImageKit rate-limits per account). */
const CONCURRENCY = 4;

function body(edit: FileEdit) {
  return {
    ...(edit.tags !== undefined && { tags: edit.tags }),
    ...(edit.customCoordinates !== undefined && { customCoordinates: edit.customCoordinates }),
    ...(edit.customMetadata !== undefined && { customMetadata: edit.customMetadata }),
    ...(edit.description !== undefined && { description: edit.description }),
  };
}

/** Saves tags, coordinates, custom metadata and descriptions of files (update-file-details). */
export class FileEdits {
  constructor(
    private readonly client: ImageKit,
    private readonly fields: FieldsService,
  ) {}

  async details(fileIds: string[]): Promise<FileDetails[]> {
    const out: FileDetails[] = [];
    for (const fileId of fileIds) {
      try {
        out.push(FileDetails.parse(await this.client.files.get(fileId)));
      } catch (error) {
        throw toEditingError(error, 'load the files');
      }
    }
    return out;
  }

  async update(fileId: string, edit: FileEdit): Promise<FileDetails> {
    await this.check([{ fileId, edit }]);
    try {
      return FileDetails.parse(await this.client.files.update(fileId, body(edit)));
    } catch (error) {
      throw toEditingError(error, 'save the file');
    }
  }

  /**
   * The bulk editor's save: every file's values are validated against the fields first; one bad
   * value stops the save before anything is written. Then files are updated a few at a time.
   */
  async updateMany(edits: { fileId: string; edit: FileEdit }[]): Promise<OperationOutcome> {
    await this.check(edits);
    const outcome: OperationOutcome = { succeeded: [], failed: [] };
    let next = 0;
    const worker = async () => {
      while (next < edits.length) {
        const { fileId, edit } = edits[next++]!;
        try {
          await this.client.files.update(fileId, body(edit));
          outcome.succeeded.push(fileId);
        } catch (error) {
          outcome.failed.push({ item: fileId, message: messageOf(error, 'save the file') });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, edits.length) }, worker));
    return outcome;
  }

  private async check(edits: { fileId: string; edit: FileEdit }[]): Promise<void> {
    if (!edits.some((e) => e.edit.customMetadata !== undefined)) return;
    const fields = await this.fields.activeDefinitions();
    const problems: string[] = [];
    for (const { fileId, edit } of edits) {
      if (edit.customMetadata === undefined) continue;
      const result = validateCustomMetadataValues(edit.customMetadata, fields);
      if (!result.ok) problems.push(`${fileId}: ${describeFieldErrors(result.errors)}`);
    }
    if (problems.length) {
      const shown = problems.slice(0, 5).join(' | ');
      const more = problems.length > 5 ? ` (and ${problems.length - 5} more files)` : '';
      throw new AppError('BAD_INPUT', `Nothing was saved: some custom metadata values are not valid. ${shown}${more}`);
    }
  }
}
