import { checkPurgeUrl } from '../../../shared/purge/purge-rules.js';
import type { RouteModule } from '../context.js';
import { badRequest } from '../http/errors.js';
import { assertPurgeableUrl, ensurePurgeTable, purgeStatus, recordPurge, resumePendingPurges } from './purge-store.js';

const NO_SUCH_REQUEST = 'No request found for this requestId.';

/** `POST /v1/files/purge` and `GET /v1/files/purge/{requestId}` (SPEC `purge-cache`, `purge-status`). */
export const purgeRoutes: RouteModule = (app, ctx) => {
  ensurePurgeTable(ctx.db);
  // After every module registered: the delivery module may replace `ctx.delivery` after this one.
  app.addHook('onReady', async () => resumePendingPurges(ctx.db, ctx));

  app.post('/v1/files/purge', async (request, reply) => {
    const body = request.body as { url?: unknown } | undefined;
    // ImageKit's full rules for client requests, wildcard nesting and length included (the app's own check).
    const url = assertPurgeableUrl(body?.url, ctx.config.urlEndpoint, checkPurgeUrl);
    return reply.code(201).send(recordPurge(ctx.db, url, ctx));
  });

  app.get('/v1/files/purge/:requestId', async (request) => {
    const { requestId } = request.params as { requestId: string };
    const status = purgeStatus(ctx.db, requestId);
    if (!status) throw badRequest(NO_SUCH_REQUEST);
    return { status };
  });
};
