import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import multipart from '@fastify/multipart';
import type { DeliveryHooks, RouteModule } from './context.js';
import type { EmulatorCore } from './core.js';
import { badRequest, IkError, HELP } from './http/errors.js';
import { authorize, routeAccess } from './http/access.js';
import { answerClientError, answerFrameworkError, guardSockets } from './http/client-errors.js';
import { assertHostAllowed, assertOriginForm } from './http/request-target.js';
import { newRequestId } from './model/ids.js';
import { routeModules } from './routes/index.js';
import { FILE_TOO_LARGE } from './store/blobs.js';
import { headerValues } from './http/header-values.js';

/** Rate-limit window the headers advertise (the emulator itself never throttles). */
const RATE_LIMIT = 1000;
const RATE_INTERVAL_MS = 1000;

/** Hooks used until the delivery module replaces them on `core.delivery`. */
export function defaultDeliveryHooks(): DeliveryHooks {
  return {
    purge: async () => {},
    preTransform: async () => {
      throw badRequest(
        'The file could not be uploaded because the transformation field is invalid. Pre-transformations need the delivery (rendering) module, which is not registered in this emulator.',
      );
    },
  };
}

/** The host part of `apiUrl` (`http://<host>:<port>`), i.e. the host the emulator was told to listen on. */
function configuredHostOf(apiUrl: string): string | undefined {
  return apiUrl === '' ? undefined : apiUrl.slice('http://'.length, apiUrl.lastIndexOf(':'));
}

export async function buildServer(core: EmulatorCore, extraRoutes: RouteModule<EmulatorCore>[] = []): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 10 * 1024 * 1024,
    genReqId: () => newRequestId(),
    // Exact paths: `/v1/files/` must not silently match `/v1/files`.
    routerOptions: { ignoreTrailingSlash: false },
    // A missing Host reaches the Host check (ImageKit-shaped 421) instead of Node's bodiless 400.
    http: { requireHostHeader: false },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  guardSockets(app.server);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-ik-requestId', request.id);
    const now = Date.now();
    reply.header('X-RateLimit-Limit', String(RATE_LIMIT));
    reply.header('X-RateLimit-Interval', String(RATE_INTERVAL_MS));
    reply.header('X-RateLimit-Reset', String(RATE_INTERVAL_MS - (now % RATE_INTERVAL_MS)));
  });

  // The HTTP boundary (see README "HTTP boundary"): the request line and Host first, then the matched route's access.
  app.addHook('onRequest', async (request) => {
    assertOriginForm(request.raw.url ?? '');
    assertHostAllowed(request.headers.host, { address: request.socket.localAddress, port: request.socket.localPort }, configuredHostOf(core.config.apiUrl));
  });

  app.addHook('onRequest', async (request, reply) => {
    const faults = core.faults;
    const access = routeAccess(request.routeOptions.url, core.config.id);
    if (!faults || (access !== 'private-key' && access !== 'upload')) return;
    const delay = faults.delayMs();
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const outcome = faults.outcome();
    if (outcome.kind === 'drop') {
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (outcome.kind === 'status') {
      const message =
        outcome.status === 429 ? 'Too many requests. Please try again after some time.' : 'Internal server error (injected fault).';
      throw new IkError(outcome.status, message);
    }
  });

  app.addHook('onRequest', async (request) => {
    authorize(routeAccess(request.routeOptions.url, core.config.id), request, core.config.privateKey);
  });

  // JSON bodies: an empty body is `{}` (clients send DELETE/PUT without one); bad JSON is ImageKit's 400.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(badRequest(`Your request body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });

  await app.register(multipart, {
    limits: {
      fileSize: core.limits.maxUploadBytes,
      // A base64 `file` field can be ~4/3 of the file plus a data-URI prefix.
      fieldSize: Math.ceil(core.limits.maxUploadBytes * 1.4) + 1024,
      fields: 100,
      files: 1,
      parts: 110,
    },
  });

  app.setErrorHandler((err: FastifyError | IkError, _request, reply) => {
    const ik = toIkError(err);
    if (ik.status >= 500 && !(err instanceof IkError) && !core.quiet) console.error('emulator error:', err);
    void reply.code(ik.status).headers(headerValues(ik.headers)).send(ik.body());
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ message: `No route for ${request.method} ${request.url.split('?')[0]}.`, help: HELP });
  });

  for (const mod of [...routeModules, ...extraRoutes]) await mod(app, core);
  return app;
}

/** Maps library and Fastify errors onto ImageKit's error shape; unknown failures are 500s. */
export function toIkError(err: unknown): IkError {
  if (err instanceof IkError) return err;
  const e = err as FastifyError & { part?: unknown };
  if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_FILES_LIMIT' || e.code === 'FST_FIELDS_LIMIT' || e.code === 'FST_PARTS_LIMIT') {
    return badRequest(e.code === 'FST_REQ_FILE_TOO_LARGE' ? FILE_TOO_LARGE : `Your request has too many multipart parts: ${e.message}`);
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return badRequest('Your request body is too large.');
  if (e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return badRequest(`Your request has an unsupported content type: ${e.message}`);
  }
  if (typeof e.message === 'string' && /Unexpected end of (form|multipart)|Malformed part header|boundary/i.test(e.message)) {
    return badRequest(`Your request contains a malformed multipart body: ${e.message}`);
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new IkError(e.statusCode === 413 ? 400 : e.statusCode, e.message || 'Bad request.');
  }
  return new IkError(500, 'Internal server error.');
}
