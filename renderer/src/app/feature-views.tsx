import { lazy, type ComponentType, type ReactNode } from 'react';
import type { ViewId } from './view-store';
import { LibraryBrowser } from '../features/browser/LibraryBrowser';
import { DetailsSectionsProvider } from '../ui/details-sections';
import { detailsSections } from './details-sections';
import { firstScreenSettled } from '../api/first-screen';
import { LazyPart } from '../ui/PartBoundary';

// Views other than the Library load the first time their tab opens (ViewPanel's Suspense shows progress).
const UrlBuilder = lazy(() => import('../features/url-builder/UrlBuilder').then((m) => ({ default: m.UrlBuilder })));
const PurgeView = lazy(() => import('../features/purge/PurgeView').then((m) => ({ default: m.PurgeView })));
const MetadataView = lazy(() => import('../features/metadata-tools/MetadataView').then((m) => ({ default: m.MetadataView })));
const CustomMetadataView = lazy(() => import('../features/custom-metadata/CustomMetadataView').then((m) => ({ default: m.CustomMetadataView })));

export interface FeatureView {
  id: ViewId;
  /** The tab's accessible name; keep stable, tests find tabs by it. */
  label: string;
  render(): ReactNode;
}

/**
 * Every top-level view, in tab order. A feature adds its entry here and keeps everything else in
 * renderer/src/features/<feature>/.
 */
export const featureViews: FeatureView[] = [
  {
    id: 'library',
    label: 'Library',
    render: () => (
      <DetailsSectionsProvider value={detailsSections}>
        <LibraryBrowser />
      </DetailsSectionsProvider>
    ),
  },
  { id: 'url-builder', label: 'URL builder', render: () => <UrlBuilder /> },
  { id: 'purge', label: 'Purge', render: () => <PurgeView /> },
  { id: 'metadata', label: 'Metadata tools', render: () => <MetadataView /> },
  { id: 'custom-metadata', label: 'Custom metadata', render: () => <CustomMetadataView /> },
];

/**
 * Always-mounted pieces that belong to no single view (e.g. a window-wide drop zone, the uploads
 * drawer). Each is a component rendered once inside the frame.
 */
export const featureOverlays: Array<() => ReactNode> = [
  afterFirstPaint('Uploads', () => import('../features/uploads/UploadsOverlay').then((m) => m.UploadsOverlay)),
  afterFirstPaint('Transfers', () => import('../features/transfers/TransfersOverlay').then((m) => m.TransfersOverlay)),
  // Closed until asked for; loaded after the first screen so it opens at once when it is.
  afterFirstPaint('The profile dialog', () => import('../features/profiles/ProfileDialog').then((m) => m.ProfileDialog)),
];

/**
 * An overlay that is not part of the first screen (the uploads drawer and its drop zone, the Transfers
 * drawer): its code loads once the first screen's data has arrived, instead of being fetched and parsed
 * while the folder tree waits for it.
 */
function afterFirstPaint(part: string, load: () => Promise<ComponentType>): () => ReactNode {
  const Overlay = lazy(() =>
    firstScreenSettled()
      .then(load)
      .then((Component) => ({ default: Component })),
  );
  return function LazyOverlay() {
    return (
      <LazyPart part={part}>
        <Overlay />
      </LazyPart>
    );
  };
}
