import type { ReactNode } from 'react';
import type { ViewId } from './view-store';
import { PurgeView } from '../features/purge/PurgeView';
import { MetadataView } from '../features/metadata-tools/MetadataView';
import { LibraryBrowser } from '../features/browser/LibraryBrowser';
import { UrlBuilder } from '../features/url-builder/UrlBuilder';
import { CustomMetadataView } from '../features/custom-metadata/CustomMetadataView';
import { UploadsOverlay } from '../features/uploads/UploadsOverlay';
import { ProfileDialog } from '../features/profiles/ProfileDialog';
import './register-details-sections';

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
  { id: 'library', label: 'Library', render: () => <LibraryBrowser /> },
  { id: 'url-builder', label: 'URL builder', render: () => <UrlBuilder /> },
  { id: 'purge', label: 'Purge', render: () => <PurgeView /> },
  { id: 'metadata', label: 'Metadata tools', render: () => <MetadataView /> },
  { id: 'custom-metadata', label: 'Custom metadata', render: () => <CustomMetadataView /> },
];

/**
 * Always-mounted pieces that belong to no single view (e.g. a window-wide drop zone, the uploads
 * drawer). Each is a component rendered once inside the frame.
 */
export const featureOverlays: Array<() => ReactNode> = [UploadsOverlay, ProfileDialog];
