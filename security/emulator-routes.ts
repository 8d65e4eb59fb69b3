import Fastify, { type HTTPMethods } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../emulator/src/core';
import { routeModules } from '../emulator/src/routes/index';
import { defaultDeliveryHooks } from '../emulator/src/server';
import { Library } from '../emulator/src/store/library';

export interface EmulatorRoute {
  method: HTTPMethods;
  url: string;
}

const isApiPath = (url: string) => url.startsWith('/v1/') || url.startsWith('/v2/') || url.startsWith('/api/');

/**
 * Every API route the emulator registers, read from a Fastify instance's `onRoute` hook while the
 * emulator's own route modules (the list server.ts registers) register themselves on it. Delivery
 * (`/<id>/*`) is left out: it is the public URL endpoint, not the API.
 */
export async function listEmulatorApiRoutes(): Promise<EmulatorRoute[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-route-probe-'));
  const library = await Library.open(dataDir);
  const core = createCore({
    config: { id: 'probe', privateKey: 'private_probe', publicKey: 'public_probe', dataDir, apiUrl: '', urlEndpoint: '' },
    library,
    delivery: defaultDeliveryHooks(),
    quiet: true,
  });
  const probe = Fastify({ logger: false });
  const routes: EmulatorRoute[] = [];
  probe.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (isApiPath(route.url)) routes.push({ method: method as HTTPMethods, url: route.url });
  });
  try {
    for (const register of routeModules) await register(probe, core);
    await probe.ready();
  } finally {
    await probe.close();
    library.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return routes;
}
