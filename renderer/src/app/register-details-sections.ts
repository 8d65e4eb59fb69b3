import { detailsSections } from '../ui/details-sections';
import { VersionsSection } from '../features/versions/VersionsSection';
import { TagsSection } from '../features/tags/TagsSection';
import { MetadataForm } from '../features/custom-metadata/MetadataForm';
import { CoordinatesSection } from '../features/coordinates/CoordinatesSection';
import { EmbeddedMetadataSection } from '../features/embedded-metadata/EmbeddedMetadataSection';

// The editing sections of the Details panel, in reading order; added once even if this module is reloaded.
for (const section of [TagsSection, MetadataForm, CoordinatesSection, VersionsSection, EmbeddedMetadataSection]) {
  if (!detailsSections.includes(section)) detailsSections.push(section);
}
