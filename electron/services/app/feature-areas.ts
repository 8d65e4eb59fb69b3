import type { FeatureAreaFactory } from './feature-area';
import { createPurgeArea } from '../purge/area';
import { createLibraryArea } from '../library/area';
import { createUrlsArea } from '../url-builder/area';
import { createEditingArea } from '../editing/area';
import { createUploadsArea } from '../upload-area/area';
import { createTransferArea } from '../transfer/area';

/**
 * Every feature area the app composes, in start order. Each entry lives beside its services
 * (electron/services/<area>/area.ts) and owns the handlers of shared/ipc/areas/<area>.ts.
 */
export const featureAreas: FeatureAreaFactory[] = [createLibraryArea, createUrlsArea, createPurgeArea, createUploadsArea, createEditingArea, createTransferArea];
