import type { DetailsSectionProps } from '../../ui/details-sections';
import { detailsSections } from '../../ui/details-sections';
import { useViewStore } from '../../app/view-store';
import { useUrlBuilderStore } from './builder-store';

/** "Open in URL builder" in the library's Details panel: the file becomes the builder's source. */
export function OpenInBuilderSection({ file }: DetailsSectionProps) {
  const show = useViewStore((s) => s.show);
  const open = () => {
    const store = useUrlBuilderStore.getState();
    store.open(file.filePath);
    // A private file is only served through a signed URL.
    if (file.isPrivateFile) store.setSigned(true);
    show('url-builder');
  };
  return (
    <button type="button" onClick={open}>
      Open in URL builder
    </button>
  );
}

detailsSections.push(OpenInBuilderSection);
