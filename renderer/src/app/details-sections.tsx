import type { DetailsSection } from '../ui/details-sections';
import { OpenInBuilderSection } from '../features/url-builder/OpenInBuilder';
import { TagsSection } from '../features/tags/TagsSection';
import { MetadataForm } from '../features/custom-metadata/MetadataForm';
import { CoordinatesSection } from '../features/coordinates/CoordinatesSection';
import { VersionsSection } from '../features/versions/VersionsSection';
import { EmbeddedMetadataSection } from '../features/embedded-metadata/EmbeddedMetadataSection';

/** The Details panel's sections below its own fields, in reading order: the one list of them. */
export const detailsSections: ReadonlyArray<DetailsSection> = [
  { id: 'open-in-builder', Component: OpenInBuilderSection },
  { id: 'tags', Component: TagsSection },
  { id: 'custom-metadata', Component: MetadataForm },
  { id: 'coordinates', Component: CoordinatesSection },
  { id: 'versions', Component: VersionsSection },
  { id: 'embedded-metadata', Component: EmbeddedMetadataSection },
];
