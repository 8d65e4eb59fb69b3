import { lazy, type ComponentType } from 'react';
import type { DetailsSection, DetailsSectionProps } from '../ui/details-sections';
import { LazyPart } from '../ui/PartBoundary';

/**
 * A section's code loads the first time a file's details are shown (none are on the first screen);
 * until then its place stays empty. A section that fails says so in its place; the others still show.
 */
function onDemand(part: string, load: () => Promise<ComponentType<DetailsSectionProps>>): ComponentType<DetailsSectionProps> {
  const Section = lazy(() => load().then((Component) => ({ default: Component })));
  return function LazySection(props: DetailsSectionProps) {
    return (
      <LazyPart part={part}>
        <Section {...props} />
      </LazyPart>
    );
  };
}

/** The Details panel's sections below its own fields, in reading order: the one list of them. */
export const detailsSections: ReadonlyArray<DetailsSection> = [
  { id: 'open-in-builder', Component: onDemand('The Open in URL builder section', () => import('../features/url-builder/OpenInBuilder').then((m) => m.OpenInBuilderSection)) },
  { id: 'tags', Component: onDemand('The Tags section', () => import('../features/tags/TagsSection').then((m) => m.TagsSection)) },
  { id: 'custom-metadata', Component: onDemand('The Custom metadata section', () => import('../features/custom-metadata/MetadataForm').then((m) => m.MetadataForm)) },
  { id: 'coordinates', Component: onDemand('The Coordinates section', () => import('../features/coordinates/CoordinatesSection').then((m) => m.CoordinatesSection)) },
  { id: 'versions', Component: onDemand('The Versions section', () => import('../features/versions/VersionsSection').then((m) => m.VersionsSection)) },
  { id: 'embedded-metadata', Component: onDemand('The Embedded metadata section', () => import('../features/embedded-metadata/EmbeddedMetadataSection').then((m) => m.EmbeddedMetadataSection)) },
];
