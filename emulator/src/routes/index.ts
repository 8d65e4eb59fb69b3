import type { RouteModule } from '../context.js';
import type { EmulatorCore } from '../core.js';
import { uploadRoutes } from './upload.js';
import { fileRoutes } from './files.js';
import { listRoutes } from './files-list.js';
import { bulkFileRoutes } from './files-bulk.js';
import { copyMoveRenameRoutes } from './files-copy-move.js';
import { versionRoutes } from './versions.js';
import { folderRoutes } from './folders.js';
import { bulkJobRoutes } from './bulk-jobs.js';
import { customMetadataFieldRoutes } from './custom-metadata-fields.js';
import { metadataRoutes } from './metadata.js';
import { purgeRoutes } from './purge.js';

/** Every route module `server.ts` registers, in order. Append yours here. */
export const routeModules: RouteModule<EmulatorCore>[] = [
  uploadRoutes,
  listRoutes,
  fileRoutes,
  bulkFileRoutes,
  copyMoveRenameRoutes,
  versionRoutes,
  folderRoutes,
  bulkJobRoutes,
  customMetadataFieldRoutes,
  metadataRoutes,
  purgeRoutes,
];
