import { createContext, useContext, type ComponentType } from 'react';
import type { FileDetails } from '../../../shared/domain/library';

export interface DetailsSectionProps {
  /** The whole file object of the file shown in the Details panel. */
  file: FileDetails;
}

export interface DetailsSection {
  id: string;
  Component: ComponentType<DetailsSectionProps>;
}

const DetailsSectionsContext = createContext<ReadonlyArray<DetailsSection>>([]);

/**
 * The sections other features add below the Details panel's own fields (tags, versions…). The app
 * lists them in one place (app/details-sections.tsx) and provides them here; nothing registers
 * itself by being imported.
 */
export const DetailsSectionsProvider = DetailsSectionsContext.Provider;

export function useDetailsSections(): ReadonlyArray<DetailsSection> {
  return useContext(DetailsSectionsContext);
}
