import { useCallback } from 'react';
import type { FileSummary } from '../../../../shared/domain/library';
import { pickDirectory, useSaveOriginals } from '../../api/library';
import { useActiveProfile, useAppInfo } from '../../api/profiles';
import { webDownloadHref } from '../../api/web-download';
import { describeError } from '../../api/errors';
import { useDialogStore } from './dialog-store';
import { attachmentUrl } from './format';

/** Writes text to the clipboard; says so in the browser's status line either way. */
export async function copyText(text: string, what: string): Promise<void> {
  const { tell } = useDialogStore.getState();
  try {
    await navigator.clipboard.writeText(text);
    tell(`Copied ${what}.`);
  } catch (error) {
    tell(`Could not copy ${what}: ${describeError(error)}`);
  }
}

/**
 * The gestures on files shared by keyboard, toolbar and Details panel. Downloads go through the
 * main process in the Electron app (saved to disk) and through the browser in the web host.
 */
export function useFileActions() {
  const open = useDialogStore((s) => s.open);
  const tell = useDialogStore((s) => s.tell);
  const info = useAppInfo();
  const save = useSaveOriginals();
  const profileId = useActiveProfile()?.id;

  const download = useCallback(
    async (files: FileSummary[]) => {
      if (!files.length) return;
      if (info.data?.host === 'electron') {
        try {
          const directory = await pickDirectory();
          if (directory === null) return; // the person cancelled the folder dialog
          const outcome = await save.mutateAsync({ fileIds: files.map((f) => f.fileId), directory });
          tell(`Saved ${outcome.succeeded.length} of ${files.length} to ${outcome.directory}.`, outcome.failed);
        } catch (error) {
          tell(`Could not download: ${describeError(error)}`);
        }
        return;
      }
      // One same-origin link per file (the web host serves the original as an attachment): each starts
      // its own download. Without the web host's link, the delivery URL's `ik-attachment=true` does.
      for (const file of files) {
        const link = document.createElement('a');
        link.href = (profileId && webDownloadHref(profileId, file.fileId)) || attachmentUrl(file.url);
        link.download = file.name;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
      }
      tell(files.length === 1 ? `Downloading ${files[0]!.name}.` : `Downloading ${files.length} files.`);
    },
    [info.data?.host, save, tell, profileId],
  );

  return {
    preview: (file: FileSummary) => open({ kind: 'preview', file }),
    rename: (file: FileSummary) => open({ kind: 'rename', file }),
    remove: (files: FileSummary[]) => files.length > 0 && open({ kind: 'delete-files', files }),
    transfer: (mode: 'copy' | 'move', files: FileSummary[]) => files.length > 0 && open({ kind: 'transfer-files', mode, files }),
    copyUrls: (files: FileSummary[]) =>
      files.length > 0 && copyText(files.map((f) => f.url).join('\n'), files.length === 1 ? 'the URL' : `${files.length} URLs`),
    download,
  };
}
