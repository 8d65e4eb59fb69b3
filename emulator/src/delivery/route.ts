import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DeliveryService } from './service.js';
import { withRange } from './range.js';

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};
const positive = (v: string | undefined) => {
  const n = v === undefined ? NaN : Number(v);
  return n > 0 ? n : undefined;
};

/** `GET/HEAD /<id>/*`: the URL endpoint. HEAD is derived by Fastify and answers the same headers. */
export function registerDeliveryRoute(app: FastifyInstance, id: string, service: DeliveryService): void {
  const prefix = `/${id}/`;
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    // The raw URL, not Fastify's decoded params: signatures and cache keys are over the bytes as sent.
    const raw = req.raw.url ?? '';
    // A client that disconnects before the answer is sent no longer needs the render: its queued job is
    // dropped and a running one stops at its next stage (unless another client waits for the same URL).
    const gone = new AbortController();
    const onClose = () => {
      if (!reply.raw.writableEnded) gone.abort();
    };
    reply.raw.once('close', onClose);
    const served = await service.serve({
      signal: gone.signal,
      relative: raw.startsWith(prefix) ? raw.slice(prefix.length) : '',
      accept: header(req, 'accept') ?? '',
      hints: { width: positive(header(req, 'sec-ch-width') ?? header(req, 'width')), dpr: positive(header(req, 'sec-ch-dpr') ?? header(req, 'dpr')) },
      ifNoneMatch: header(req, 'if-none-match'),
    });
    const res = withRange(served, header(req, 'range'), header(req, 'if-range'));
    return reply.code(res.status).headers(res.headers).send(res.body);
  };
  app.get(`${prefix}*`, handler);
}
