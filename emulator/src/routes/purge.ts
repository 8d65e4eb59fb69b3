import { checkPurgeUrl } from '../../../shared/purge/purge-rules.js';
import type { RouteModule } from '../context.js';
import type { EmulatorCore } from '../core.js';
import { badRequest } from '../http/errors.js';
import { assertPurgeableUrl, ensurePurgeTable, purgeStatus, recordPurge, resumePendingPurges } from './purge-store.js';

const NO_SUCH_REQUEST = 'No request found for this requestId.';

/** `POST /v1/files/purge` and `GET /v1/files/purge/{requestId}` (SPEC `purge-cache`, `purge-status`). */
export const purgeRoutes: RouteModule<EmulatorCore> = (app, core) => {
  ensurePurgeTable(core.db);
  // After every module registered: the delivery module may replace `core.delivery` after this one.
  app.addHook('onReady', async () => resumePendingPurges(core.db, core));

  app.post('/v1/files/purge', async (request, reply) => {
    const body = request.body as { url?: unknown } | undefined;
    // ImageKit's full rules for client requests, wildcard nesting and length included (the app's own check).
    const url = assertPurgeableUrl(body?.url, core.config.urlEndpoint, checkPurgeUrl);
    return reply.code(201).send(recordPurge(core.db, url, core));
  });

  app.get('/v1/files/purge/:requestId', async (request) => {
    const { requestId } = request.params as { requestId: string };
    const status = purgeStatus(core.db, requestId);
    if (!status) throw badRequest(NO_SUCH_REQUEST);
    return { status };
  });
};
