import { lazy, Suspense, type ComponentType } from 'react';
import type { DetailsSection, DetailsSectionProps } from '../ui/details-sections';

/**
 * A section's code loads the first time a file's details are shown (none are on the first screen);
 * until then its place stays empty.
 */
function onDemand(load: () => Promise<ComponentType<DetailsSectionProps>>): ComponentType<DetailsSectionProps> {
  const Section = lazy(() => load().then((Component) => ({ default: Component })));
  return function LazySection(props: DetailsSectionProps) {
    return (
      <Suspense fallback={null}>
        <Section {...props} />
      </Suspense>
    );
  };
}

/** The Details panel's sections below its own fields, in reading order: the one list of them. */
export const detailsSections: ReadonlyArray<DetailsSection> = [
  { id: 'open-in-builder', Component: onDemand(() => import('../features/url-builder/OpenInBuilder').then((m) => m.OpenInBuilderSection)) },
  { id: 'tags', Component: onDemand(() => import('../features/tags/TagsSection').then((m) => m.TagsSection)) },
  { id: 'custom-metadata', Component: onDemand(() => import('../features/custom-metadata/MetadataForm').then((m) => m.MetadataForm)) },
  { id: 'coordinates', Component: onDemand(() => import('../features/coordinates/CoordinatesSection').then((m) => m.CoordinatesSection)) },
  { id: 'versions', Component: onDemand(() => import('../features/versions/VersionsSection').then((m) => m.VersionsSection)) },
  { id: 'embedded-metadata', Component: onDemand(() => import('../features/embedded-metadata/EmbeddedMetadataSection').then((m) => m.EmbeddedMetadataSection)) },
];
