import type { ComponentType } from 'react';
import type { FileDetails } from '../../../shared/domain/library';

export interface DetailsSectionProps {
  /** The whole file object of the file shown in the Details panel. */
  file: FileDetails;
}

/**
 * Extension point of the Details panel: other features (versions, tags, URL builder, purge) push a
 * component here at module load; each renders below the panel's own fields for the shown file.
 */
export const detailsSections: Array<ComponentType<DetailsSectionProps>> = [];
