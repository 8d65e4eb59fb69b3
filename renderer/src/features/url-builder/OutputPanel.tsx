import { useMemo, useState } from 'react';
import type { SignedUrlCheck, UrlDraft, UrlPreview } from '../../../../shared/domain/urls';
import { describeError } from '../../api/errors';
import { useActiveProfile } from '../../api/profiles';
import { useCheckSignedUrl, useResponsiveUrls } from '../../api/urls';
import { useUrlBuilderStore } from './builder-store';
import { copyText } from './clipboard';
import { CopyField } from './CopyField';
import { parseWidths, RESPONSIVE_FORMATS } from './draft';
import { htmlImg, markdownImage, reactSnippet, responsiveMarkup } from './output-formats';
import { reactVideoSnippet } from './react-snippets';
import { StreamOutputs } from './StreamOutputs';
import type { BuilderMode } from './video-draft';
import { htmlVideo } from './video-output-formats';

export interface OutputPanelProps {
  draft: UrlDraft;
  preview: UrlPreview | undefined;
  mode?: BuilderMode;
  /** The URL built for the current draft without waiting for its preview (video and stream modes). */
  builtUrl?: string;
  /** The video's poster URL (video and stream modes). */
  poster?: string;
  /** The poster's SDK draft (video mode), for the React code's buildSrc. */
  posterDraft?: UrlDraft;
  /** Both manifests of an adaptive stream (stream mode), with the chosen one's SDK draft. */
  streams?: { hls: string; dash: string; protocol: 'hls' | 'dash'; draft: UrlDraft };
}

/** The built URL and markup for it, each with a copy button; a signed URL is checked before it is copied. */
export function OutputPanel({ draft, preview, mode = 'image', builtUrl, poster, posterDraft, streams }: OutputPanelProps) {
  const profile = useActiveProfile();
  const { alt, widths, formats, setAlt, setWidths, setFormats } = useUrlBuilderStore();
  const [copied, setCopied] = useState('');
  const check = useCheckSignedUrl();
  const [checked, setChecked] = useState<SignedUrlCheck | undefined>();
  const url = builtUrl ?? preview?.built.url ?? '';
  const signs = draft.signed === true || (draft.expiresIn ?? 0) > 0;
  const widthList = useMemo(() => parseWidths(widths), [widths]);
  // An image (a video thumbnail is one) has image markup; a video and a stream have their own.
  const imageMarkup = mode === 'image' || mode === 'thumbnail';
  const responsive = useResponsiveUrls(draft, widthList, formats, !!url && imageMarkup);

  const copy = async (label: string, text: string) => {
    try {
      await copyText(text);
      setCopied(`Copied ${label}.`);
    } catch (error) {
      setCopied(describeError(error));
    }
  };

  const copyUrl = async () => {
    if (signs) {
      // Checked first, so the person knows what a visitor gets before pasting it anywhere.
      try {
        setChecked(await check.mutateAsync(url));
      } catch {
        setChecked(undefined);
      }
    }
    await copy('URL', url);
  };

  const probe = preview?.probe?.ok ? preview.probe : undefined;
  const reactVideo =
    mode === 'video' && url && profile ? reactVideoSnippet(draft, profile.urlEndpoint, url, poster && posterDraft ? { draft: posterDraft, url: poster } : undefined) : '';
  const signedCheck = signs ? (
    <span role="status" aria-label="Signed URL check" className={`ub-check ub-check-${checked?.url === url ? checked.outcome : 'none'}`}>
      {check.isPending
        ? 'Checking…'
        : check.error
          ? describeError(check.error)
          : checked?.url === url
            ? checked.message
            : 'Checked when you copy it.'}
    </span>
  ) : undefined;

  return (
    <section className="ub-outputs" aria-label="Outputs">
      <h3>Copy</h3>
      {imageMarkup && (
        <div className="ub-field">
          <label htmlFor="ub-alt">Alt text</label>
          <input id="ub-alt" type="text" value={alt} onChange={(e) => setAlt(e.target.value)} />
        </div>
      )}
      <CopyField label="URL" value={url} onCopy={() => void copyUrl()} aside={signedCheck} />
      {mode === 'video' && (
        <>
          <CopyField label="HTML" value={url ? htmlVideo(url, poster) : ''} onCopy={() => void copy('HTML', htmlVideo(url, poster))} />
          <CopyField label="React" value={reactVideo} onCopy={() => void copy('React', reactVideo)} />
        </>
      )}
      {mode === 'stream' && streams && (
        <StreamOutputs
          hlsUrl={streams.hls}
          dashUrl={streams.dash}
          protocol={streams.protocol}
          poster={poster}
          draft={streams.draft}
          urlEndpoint={profile?.urlEndpoint}
          copy={(label, text) => void copy(label, text)}
        />
      )}
      {imageMarkup && (
        <>
          <CopyField label="HTML" value={url ? htmlImg(url, alt, probe?.width, probe?.height) : ''} onCopy={() => void copy('HTML', htmlImg(url, alt, probe?.width, probe?.height))} />
          <CopyField label="Markdown" value={url ? markdownImage(url, alt) : ''} onCopy={() => void copy('Markdown', markdownImage(url, alt))} />
          <fieldset className="ub-responsive">
            <legend>Responsive</legend>
            <div className="ub-field">
              <label htmlFor="ub-widths">Widths</label>
              <input id="ub-widths" type="text" value={widths} onChange={(e) => setWidths(e.target.value)} />
            </div>
            <div role="group" aria-label="Formats" className="ub-formats">
              {RESPONSIVE_FORMATS.map((format) => (
                <label key={format}>
                  <input
                    type="checkbox"
                    checked={formats.includes(format)}
                    onChange={(e) => setFormats(e.target.checked ? RESPONSIVE_FORMATS.filter((f) => f === format || formats.includes(f)) : formats.filter((f) => f !== format))}
                  />
                  {format}
                </label>
              ))}
            </div>
            {responsive.error ? <p className="ub-error">{describeError(responsive.error)}</p> : null}
            <CopyField
              label="Responsive HTML"
              value={url && responsive.data ? responsiveMarkup(responsive.data, alt) : ''}
              onCopy={() => void copy('responsive HTML', responsiveMarkup(responsive.data ?? [], alt))}
            />
          </fieldset>
          <CopyField
            label="React"
            value={url && profile ? reactSnippet(draft, profile.urlEndpoint, url, alt) : ''}
            onCopy={() => void copy('React', reactSnippet(draft, profile?.urlEndpoint ?? '', url, alt))}
          />
        </>
      )}
      <p role="status" aria-label="Copy result" className="ub-note">
        {copied}
      </p>
    </section>
  );
}
