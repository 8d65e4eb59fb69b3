import { Cloud, ImagePlus, Upload, WandSparkles, X } from 'lucide-react';
import { useState } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useActiveProfile } from '../../api/profiles';
import { stageFiles, useAddUploads, useUploadDefaults } from '../../api/uploads';
import { describeError } from '../../api/errors';
import { useUiStore } from '../../app/ui-store';
import { useViewStore } from '../../app/view-store';
import { Button } from '../../ui/controls/Button';
import { IconButton } from '../../ui/controls/IconButton';
import { useDialogStore } from './dialog-store';
import { makeSampleImages } from './sample-images';

const useGuide = create<{ dismissed: boolean; dismiss(): void }>()(
  persist((set) => ({ dismissed: false, dismiss: () => set({ dismissed: true }) }), { name: 'mediadesk.first-run-guide', storage: createJSONStorage(() => localStorage) }),
);

/** "Add sample images": four pictures drawn here, sent through the same upload queue as any file. */
function AddSamples() {
  const active = useActiveProfile();
  const defaults = useUploadDefaults();
  const add = useAddUploads();
  const tell = useDialogStore((s) => s.tell);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!active || !defaults.data) return;
    setBusy(true);
    try {
      const files = await makeSampleImages();
      const { sources } = await stageFiles(active.id, files);
      await add.mutateAsync({ profileId: active.id, sources, targetFolder: '/samples', options: { ...defaults.data, tags: ['sample'] } });
      tell('Adding 4 sample images to /samples.');
    } catch (error) {
      tell(`Could not add the sample images: ${describeError(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="primary" icon={<ImagePlus />} disabled={busy || !defaults.data} onClick={() => void run()}>
      {busy ? 'Adding sample images…' : 'Add sample images'}
    </Button>
  );
}

/** The empty Local library's welcome: sample images, and a three-step guide that can be dismissed. */
export function FirstRun() {
  const active = useActiveProfile();
  const dismissed = useGuide((s) => s.dismissed);
  const dismiss = useGuide((s) => s.dismiss);
  const show = useViewStore((s) => s.show);
  const openProfileDialog = useUiStore((s) => s.openProfileDialog);
  const isLocal = active?.kind === 'local';
  return (
    <div className="first-run">
      <h2 className="first-run-title">{isLocal ? 'Your Local library is empty' : 'This library is empty'}</h2>
      <p className="muted">This folder has no files. Drop images anywhere in the window, or start with a few samples.</p>
      {isLocal && <AddSamples />}
      {!dismissed && (
        <section className="first-run-guide" aria-label="Getting started">
          <div className="first-run-guide-head">
            <h3>Getting started</h3>
            <IconButton size="sm" label="Dismiss the guide" onClick={dismiss}>
              <X />
            </IconButton>
          </div>
          <ol>
            <li>
              <Upload aria-hidden="true" />
              <div>
                <strong>Upload</strong>
                <p className="muted">Drop files or folders on the window, paste an image, or use Upload in the Uploads bar.</p>
              </div>
            </li>
            <li>
              <WandSparkles aria-hidden="true" />
              <div>
                <strong>Build a URL</strong>
                <p className="muted">Resize, crop and overlay text on any image, and copy the URL.</p>
                <Button size="sm" variant="quiet" onClick={() => show('url-builder')}>
                  Open the URL builder
                </Button>
              </div>
            </li>
            <li>
              <Cloud aria-hidden="true" />
              <div>
                <strong>Connect an ImageKit account</strong>
                <p className="muted">Add your URL endpoint and keys as a profile, and switch between libraries at the top.</p>
                <Button size="sm" variant="quiet" onClick={() => openProfileDialog(null)}>
                  Connect an account…
                </Button>
              </div>
            </li>
          </ol>
        </section>
      )}
    </div>
  );
}
