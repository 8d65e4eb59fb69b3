import { useId } from 'react';
import { useActiveProfile } from '../../api/profiles';
import { RESPONSE_FIELDS, type UploadExtension, type UploadOptions } from '../../../../shared/domain/uploads';

interface Props {
  draft: UploadOptions;
  patch(p: Partial<UploadOptions>): void;
  postText: string;
  setPostText(text: string): void;
}

type TaggingName = 'google-auto-tagging' | 'aws-auto-tagging';

function findExt<N extends UploadExtension['name']>(list: UploadExtension[], name: N) {
  return list.find((e) => e.name === name) as Extract<UploadExtension, { name: N }> | undefined;
}

/** Extensions, transformations, response fields, webhook, overwrite flags and checks. */
export function AdvancedOptions({ draft, patch, postText, setPostText }: Props) {
  const exts = draft.extensions;
  const setExt = (name: UploadExtension['name'], next: UploadExtension | null) =>
    patch({ extensions: [...exts.filter((e) => e.name !== name), ...(next ? [next] : [])] });
  const removeBg = findExt(exts, 'remove-bg');
  // The Local library has no cloud tagger: the options would be accepted and do nothing, so they are off and say why.
  const local = useActiveProfile()?.kind === 'local';
  const taggingNoteId = useId();
  const tagging = (name: TaggingName, label: string) => {
    const ext = findExt(exts, name);
    return (
      <div className="upload-row-fields">
        <label className="upload-check">
          <input
            type="checkbox"
            checked={Boolean(ext) && !local}
            disabled={local}
            aria-describedby={local ? taggingNoteId : undefined}
            onChange={(e) => setExt(name, e.target.checked ? { name, minConfidence: 80, maxTags: 10 } : null)}
          />
          {label}
        </label>
        {ext && !local && (
          <>
            <label>
              {`${label}: minimum confidence`}
              <input type="number" min={0} max={100} value={ext.minConfidence} onChange={(e) => setExt(name, { ...ext, minConfidence: Number(e.target.value) })} />
            </label>
            <label>
              {`${label}: most tags`}
              <input type="number" min={1} max={100} value={ext.maxTags} onChange={(e) => setExt(name, { ...ext, maxTags: Number(e.target.value) })} />
            </label>
          </>
        )}
      </div>
    );
  };

  return (
    <>
      <fieldset className="upload-fieldset">
        <legend>Extensions</legend>
        <div className="upload-row-fields">
          <label className="upload-check">
            <input type="checkbox" checked={Boolean(removeBg)} onChange={(e) => setExt('remove-bg', e.target.checked ? { name: 'remove-bg', options: {} } : null)} />
            Remove background
          </label>
          {removeBg && (
            <>
              <label className="upload-check">
                <input
                  type="checkbox"
                  checked={removeBg.options?.add_shadow ?? false}
                  onChange={(e) => setExt('remove-bg', { ...removeBg, options: { ...removeBg.options, add_shadow: e.target.checked } })}
                />
                Add shadow
              </label>
              <label className="upload-check">
                <input
                  type="checkbox"
                  checked={removeBg.options?.semitransparency ?? false}
                  onChange={(e) => setExt('remove-bg', { ...removeBg, options: { ...removeBg.options, semitransparency: e.target.checked } })}
                />
                Keep semi-transparency
              </label>
              <label>
                Background colour
                <input
                  type="text"
                  placeholder="e.g. FFFFFF"
                  value={removeBg.options?.bg_color ?? ''}
                  onChange={(e) => setExt('remove-bg', { ...removeBg, options: { ...removeBg.options, bg_color: e.target.value || undefined } })}
                />
              </label>
              <label>
                Background image URL
                <input
                  type="url"
                  value={removeBg.options?.bg_image_url ?? ''}
                  onChange={(e) => setExt('remove-bg', { ...removeBg, options: { ...removeBg.options, bg_image_url: e.target.value || undefined } })}
                />
              </label>
            </>
          )}
        </div>
        {tagging('google-auto-tagging', 'Google auto-tagging')}
        {tagging('aws-auto-tagging', 'AWS auto-tagging')}
        {local && (
          <p id={taggingNoteId} className="muted small">
            Auto-tagging runs on ImageKit’s servers: it needs an ImageKit account profile. The Local library cannot tag images.
          </p>
        )}
        <label className="upload-check">
          <input
            type="checkbox"
            checked={Boolean(findExt(exts, 'ai-auto-description'))}
            onChange={(e) => setExt('ai-auto-description', e.target.checked ? { name: 'ai-auto-description' } : null)}
          />
          AI description
        </label>
      </fieldset>

      <fieldset className="upload-fieldset">
        <legend>Transformations</legend>
        <label>
          Pre-transformation
          <input
            type="text"
            placeholder="e.g. w-2000,q-80"
            value={draft.transformation?.pre ?? ''}
            onChange={(e) => patch({ transformation: { ...draft.transformation, pre: e.target.value || undefined } })}
          />
        </label>
        <label>
          Post-transformations (one per line)
          <textarea placeholder={'transformation w-100\nthumbnail\nabs hls sr-240_360_480'} value={postText} onChange={(e) => setPostText(e.target.value)} />
        </label>
      </fieldset>

      <fieldset className="upload-fieldset">
        <legend>When replacing a file</legend>
        <label className="upload-check">
          <input type="checkbox" checked={draft.overwriteTags} onChange={(e) => patch({ overwriteTags: e.target.checked })} />
          Remove its tags unless this upload sets tags
        </label>
        <label className="upload-check">
          <input type="checkbox" checked={draft.overwriteAITags} onChange={(e) => patch({ overwriteAITags: e.target.checked })} />
          Remove its AI tags
        </label>
        <label className="upload-check">
          <input type="checkbox" checked={draft.overwriteCustomMetadata} onChange={(e) => patch({ overwriteCustomMetadata: e.target.checked })} />
          Remove its custom metadata unless this upload sets it
        </label>
      </fieldset>

      <fieldset className="upload-fieldset">
        <legend>Response fields</legend>
        <div className="upload-row-fields">
          {RESPONSE_FIELDS.map((f) => (
            <label key={f} className="upload-check">
              <input
                type="checkbox"
                checked={draft.responseFields.includes(f)}
                onChange={(e) => patch({ responseFields: e.target.checked ? [...draft.responseFields, f] : draft.responseFields.filter((x) => x !== f) })}
              />
              {f}
            </label>
          ))}
        </div>
      </fieldset>

      <label>
        Webhook URL
        <input type="url" placeholder="https://…" value={draft.webhookUrl ?? ''} onChange={(e) => patch({ webhookUrl: e.target.value || undefined })} />
      </label>
      <label>
        Checks
        <input type="text" placeholder={'"request.folder" : "marketing/"'} value={draft.checks ?? ''} onChange={(e) => patch({ checks: e.target.value || undefined })} />
      </label>
    </>
  );
}
