import path from 'node:path';
import { Library } from './store/library.js';
import { resolveKeys } from './store/keys.js';
import { buildServer, defaultDeliveryHooks } from './server.js';
import { createCore, type EmulatorLimits } from './core.js';
import { Faults } from './faults.js';
import { createDelivery, type CreateDeliveryOptions } from './delivery/index.js';
import { createOutboundPolicy, type OutboundPolicy } from './net/outbound-policy.js';

export interface StartEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  dataDir: string;
  privateKey?: string;
  publicKey?: string;
  /** URL-endpoint id, default `local`. */
  id?: string;
  /** No console output. */
  quiet?: boolean;
  /** Fault-injection spec (see faults.ts); default env `IK_EMULATOR_FAULTS`, else none. */
  faults?: string;
  limits?: Partial<EmulatorLimits>;
  /**
   * Let remote-URL uploads and webhooks reach loopback, private, link-local and metadata
   * addresses (default false: such URLs are refused after DNS resolution and after every redirect).
   */
  allowPrivateRemoteUrls?: boolean;
  /** Replaces the outbound policy outright (tests inject DNS answers or a "public" loopback origin). */
  outboundPolicy?: OutboundPolicy;
  /** Video delivery settings (wait before answering 302 for a transcode in progress, budget, ffmpeg job slots). */
  video?: CreateDeliveryOptions['video'];
}

export interface RunningEmulator {
  apiUrl: string;
  urlEndpoint: string;
  privateKey: string;
  publicKey: string;
  /** True when this start generated the key pair (kept in the data dir for later starts). */
  keysGenerated: boolean;
  close(): Promise<void>;
}

export { DEFAULT_LIMITS } from './core.js';

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const dataDir = path.resolve(options.dataDir);
  const id = options.id ?? 'local';
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`emulator id must be letters, digits, '-' or '_': ${id}`);
  if (['v1', 'v2', 'api'].includes(id)) throw new Error(`emulator id "${id}" would collide with the API paths`);
  const faults = Faults.parse(options.faults ?? process.env.IK_EMULATOR_FAULTS);
  const library = await Library.open(dataDir);
  const keys = await resolveKeys(dataDir, options.privateKey, options.publicKey);
  const host = options.host ?? '127.0.0.1';
  // apiUrl/urlEndpoint are filled in once the port is known; routes read them per request.
  const core = createCore({
    config: { id, privateKey: keys.privateKey, publicKey: keys.publicKey, dataDir, apiUrl: '', urlEndpoint: '' },
    library,
    delivery: defaultDeliveryHooks(),
    limits: options.limits,
    faults,
    quiet: options.quiet,
    outbound: options.outboundPolicy ?? createOutboundPolicy({ allowPrivate: options.allowPrivateRemoteUrls ?? false }),
  });
  const delivery = createDelivery(core.config, library, { video: options.video });
  core.delivery = delivery.hooks;
  const app = await buildServer(core, [delivery.route]);
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (err) {
    library.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  core.config.apiUrl = `http://${urlHost}:${port}`;
  core.config.urlEndpoint = `${core.config.apiUrl}/${id}`;

  let closing: Promise<void> | undefined;
  return {
    apiUrl: core.config.apiUrl,
    urlEndpoint: core.config.urlEndpoint,
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    keysGenerated: keys.generated,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await delivery.close();
        while (core.background.size > 0) await Promise.allSettled([...core.background]);
        library.close();
      })()),
  };
}

export type { EmulatorContext } from './context.js';
