import { useEffect, useId, useState } from 'react';
import { UploadOptions, type UploadSource } from '../../../../shared/domain/uploads';
import { describeIssues } from '../../../../shared/ipc/describe-issues';
import { diskSources, incomingSources, useAddUploads, useMetadataFields, useSaveUploadDefaults, useUploadDefaults, useUploadsProfileId } from '../../api/uploads';
import { useCurrentFolder } from '../../ui/browser-store';
import { Modal } from '../../ui/Modal';
import { AdvancedOptions } from './AdvancedOptions';
import { CustomMetadataFields, metadataProblems } from './CustomMetadataFields';
import { formatBytes } from './format';
import { formatPostLines, parsePostLines } from './post-transformations';
import { useUploadsUi, type PendingUpload } from './uploads-store';

function describe(pending: PendingUpload): string {
  if (pending.kind === 'urls') return pending.urls.length === 1 ? '1 link' : `${pending.urls.length} links`;
  const bytes = pending.files.reduce((s, f) => s + f.file.size, 0);
  return `${pending.files.length === 1 ? '1 file' : `${pending.files.length} files`} (${formatBytes(bytes)})`;
}

/** The options form for one batch: starts from the profile's defaults; "Save as defaults" keeps them. */
export function UploadDialog({ pending }: { pending: PendingUpload }) {
  const titleId = useId();
  const close = useUploadsUi((s) => s.closePending);
  const profileId = useUploadsProfileId();
  const currentFolder = useCurrentFolder();
  const defaults = useUploadDefaults();
  const fields = useMetadataFields();
  const save = useSaveUploadDefaults();
  const notify = useUploadsUi((s) => s.notify);
  // A large selection is queued in parts after the dialog closed: a later part that fails is said here.
  const add = useAddUploads((message, files) => notify(`${files === 1 ? '1 file was' : `${files} files were`} not queued: ${message}`, 'warn'));
  const [draft, setDraft] = useState<UploadOptions | null>(null);
  const [folder, setFolder] = useState(currentFolder);
  const [tagsText, setTagsText] = useState('');
  const [postText, setPostText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (defaults.data && !draft) {
      setDraft(defaults.data);
      setTagsText(defaults.data.tags.join(', '));
      setPostText(formatPostLines(defaults.data.transformation?.post));
    }
  }, [defaults.data, draft]);

  if (!draft) {
    return (
      <Modal labelledBy={titleId} onClose={close} size="lg">
        <h2 id={titleId}>Upload</h2>
        <p role="status">{defaults.isError ? `Could not load the upload options: ${defaults.error.message}` : 'Loading the upload options…'}</p>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </Modal>
    );
  }
  const patch = (p: Partial<UploadOptions>) => setDraft({ ...draft, ...p });

  /** The form as options, or the first reason it cannot be sent. */
  const collect = (): UploadOptions | string => {
    const post = parsePostLines(postText);
    if (!post.ok) return post.error;
    const tags = tagsText.split(',').map((t) => t.trim()).filter(Boolean);
    const pre = draft.transformation?.pre;
    const candidate = { ...draft, tags, transformation: pre || post.post.length ? { pre, post: post.post.length ? post.post : undefined } : undefined };
    const parsed = UploadOptions.safeParse(candidate);
    if (!parsed.success) return describeIssues(parsed.error);
    const problems = Object.values(metadataProblems(fields.data ?? [], parsed.data.customMetadata));
    if (problems.length) return `Custom metadata: ${problems.join('; ')}.`;
    return parsed.data;
  };

  /**
   * Queues the batch and closes at once. Files with a place on disk (Electron) are read there; the others are
   * queued as incoming and their bytes follow in the background, each file uploading as soon as it is in.
   * The near-duplicate check runs in the queue, file by file, while the others upload.
   */
  const submit = async () => {
    setError(null);
    const options = collect();
    if (typeof options === 'string') return setError(options);
    if (!folder.startsWith('/')) return setError('The folder starts with "/", e.g. /photos/2024.');
    try {
      if (pending.kind === 'urls') {
        await add.mutateAsync({ profileId: profileId!, sources: pending.urls.map((url): UploadSource => ({ kind: 'url', url })), targetFolder: folder, options });
      } else {
        const onDisk = diskSources(pending.files);
        const sources = onDisk ?? incomingSources(pending.files);
        await add.mutateAsync({ profileId: profileId!, sources, targetFolder: folder, options, files: onDisk ? [] : pending.files.map((f) => f.file) });
      }
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={close} size="lg">
      <form
        className="upload-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={titleId}>Upload {describe(pending)}</h2>
        <label>
          Folder
          <input type="text" value={folder} onChange={(e) => setFolder(e.target.value)} />
        </label>
        <label>
          When a file already exists
          <select value={draft.onConflict} onChange={(e) => patch({ onConflict: e.target.value as UploadOptions['onConflict'] })}>
            <option value="ask">Ask for each file</option>
            <option value="replace">Replace it (new version)</option>
            <option value="keepBoth">Keep both (new name)</option>
            <option value="skip">Skip the file</option>
          </select>
        </label>
        <label className="upload-check">
          <input type="checkbox" checked={draft.nearDuplicateCheck} onChange={(e) => patch({ nearDuplicateCheck: e.target.checked })} />
          Check images for look-alikes in the folder first
        </label>
        <label className="upload-check">
          <input type="checkbox" checked={draft.useUniqueFileName} onChange={(e) => patch({ useUniqueFileName: e.target.checked })} />
          Add a unique suffix to every name
        </label>
        <label>
          Tags
          <input type="text" placeholder="comma-separated" value={tagsText} onChange={(e) => setTagsText(e.target.value)} />
        </label>
        <label className="upload-check">
          <input type="checkbox" checked={draft.isPrivateFile} onChange={(e) => patch({ isPrivateFile: e.target.checked })} />
          Private files
        </label>
        <label>
          Publish
          <select
            value={draft.isPublished === undefined ? '' : draft.isPublished ? 'yes' : 'no'}
            onChange={(e) => patch({ isPublished: e.target.value === '' ? undefined : e.target.value === 'yes' })}
          >
            <option value="">Account default</option>
            <option value="yes">Published</option>
            <option value="no">Draft (enterprise plans)</option>
          </select>
        </label>
        <label>
          Custom coordinates
          <input type="text" placeholder="x,y,width,height" value={draft.customCoordinates ?? ''} onChange={(e) => patch({ customCoordinates: e.target.value || undefined })} />
        </label>
        <label>
          Description
          <textarea value={draft.description ?? ''} onChange={(e) => patch({ description: e.target.value || undefined })} />
        </label>
        <fieldset className="upload-fieldset">
          <legend>Custom metadata</legend>
          {fields.isError ? (
            <p className="upload-problem">Could not load the custom metadata fields: {fields.error.message}</p>
          ) : (
            <CustomMetadataFields fields={fields.data ?? []} values={draft.customMetadata} onChange={(customMetadata) => patch({ customMetadata })} />
          )}
        </fieldset>
        <AdvancedOptions draft={draft} patch={patch} postText={postText} setPostText={setPostText} />
        {error && <p role="alert">{error}</p>}
        <div className="upload-dialog-buttons">
          <button
            type="button"
            onClick={() => {
              const options = collect();
              if (typeof options === 'string') setError(options);
              else save.mutate(options);
            }}
          >
            Save as defaults
          </button>
          {save.isSuccess && <span role="status">Saved as this profile's defaults.</span>}
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={add.isPending}>
            Upload
          </button>
        </div>
      </form>
    </Modal>
  );
}
