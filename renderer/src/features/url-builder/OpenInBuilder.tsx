import { WandSparkles } from 'lucide-react';
import type { DetailsSectionProps } from '../../ui/details-sections';
import { useBuilderIntent } from '../../ui/builder-intent';
import { useViewStore } from '../../app/view-store';
import { Button } from '../../ui/controls/Button';

/** Asks the builder to open `file` and switches to it (the builder takes the request when it mounts). */
export function openFileInBuilder(file: { filePath: string; isPrivateFile?: boolean | null }): void {
  useBuilderIntent.getState().ask({ filePath: file.filePath, signed: file.isPrivateFile === true });
  useViewStore.getState().show('url-builder');
}

/** "Open in URL builder" in the library's Details panel: the file becomes the builder's source. */
export function OpenInBuilderSection({ file }: DetailsSectionProps) {
  return (
    <Button icon={<WandSparkles />} onClick={() => openFileInBuilder(file)}>
      Open in URL builder
    </Button>
  );
}
