import { detailsSections } from '../browser/details-sections';
import { VersionsSection } from '../versions/VersionsSection';
import { TagsSection } from '../tags/TagsSection';
import { MetadataForm } from './MetadataForm';
import { CoordinatesSection } from '../coordinates/CoordinatesSection';
import { EmbeddedMetadataSection } from '../embedded-metadata/EmbeddedMetadataSection';

// The editing sections of the Details panel, in reading order; added once even if this module is reloaded.
for (const section of [TagsSection, MetadataForm, CoordinatesSection, VersionsSection, EmbeddedMetadataSection]) {
  if (!detailsSections.includes(section)) detailsSections.push(section);
}
