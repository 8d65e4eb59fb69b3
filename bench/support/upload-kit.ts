/**
 * Pieces the upload benches share: an ImageKit stand-in (the emulator as its own process) behind a metering
 * proxy that sees the upload bytes as they arrive on the wire, a web host whose active profile points at that
 * proxy, and a contract client for the host's WebSocket. Not a suite itself (bench/run.ts runs bench/*.ts only).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { HostFrame } from '../../shared/ipc/wire.js';
import { startAccountEmulator, startWebHost, type Emulator, type WebHost } from '../../e2e/support/hosts.js';

export interface MeteredProxy {
  origin: string;
  port: number;
  /** performance.now() of the first body byte of an upload request since the last reset, or null. */
  firstUploadByteAt(): number | null;
  /** Upload requests answered 200 since the last reset. */
  uploadsDone(): number;
  /** Resolves once `count` uploads were answered 200 since the last reset. */
  whenUploadsDone(count: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

const UPLOAD_PATH = /\/files\/upload$/;

/**
 * An HTTP proxy to `target` that notes when the first byte of an upload's body reaches it: "on the wire" as
 * ImageKit would see it. The Host header is rewritten to the target's, as the emulator checks it.
 */
export async function startMeteredProxy(target: string): Promise<MeteredProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  let firstByte: number | null = null;
  let done = 0;
  let waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const isUpload = req.method === 'POST' && UPLOAD_PATH.test(new URL(req.url ?? '/', upstream).pathname);
    if (isUpload) req.once('data', () => (firstByte ??= performance.now()));
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        if (isUpload && answer.statusCode === 200) {
          answer.once('end', () => {
            done += 1;
            waiters = waiters.filter((w) => (done >= w.count ? (w.resolve(), false) : true));
          });
        }
      },
    );
    out.on('error', () => res.destroy());
    req.on('error', () => out.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    firstUploadByteAt: () => firstByte,
    uploadsDone: () => done,
    whenUploadsDone: (count) => (done >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    reset: () => {
      firstByte = null;
      done = 0;
    },
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Contract calls over the web host's WebSocket, as the page makes them. */
export interface ContractClient {
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Hears every event the host pushes. */
  onEvent(listener: (event: string, payload: unknown) => void): void;
  close(): void;
}

export async function contractClient(host: WebHost): Promise<ContractClient> {
  const port = new URL(host.origin).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(host.token)}`, { origin: host.origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 1;
  const pending = new Map<number, (r: { ok: boolean; data?: unknown; error?: { code: string; message: string } }) => void>();
  const listeners: ((event: string, payload: unknown) => void)[] = [];
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString()) as HostFrame;
    if (frame.t === 'res') pending.get(frame.id)?.(frame.result as { ok: boolean; data?: unknown; error?: { code: string; message: string } });
    if (frame.t === 'evts') for (const { event, payload } of frame.events) listeners.forEach((l) => l(event, payload));
  });
  return {
    call: <T>(channel: string, input?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        pending.set(id, (r) => (r.ok ? resolve(r.data as T) : reject(new Error(`${channel}: ${r.error?.code} ${r.error?.message}`))));
        ws.send(JSON.stringify({ t: 'req', id, channel, input }));
      }),
    onEvent: (listener) => listeners.push(listener),
    close: () => ws.close(),
  };
}

export interface UploadBenchRig {
  emulator: Emulator;
  proxy: MeteredProxy;
  host: WebHost;
  client: ContractClient;
  stop(): Promise<void>;
}

/**
 * The emulator (own process), the metering proxy in front of it, and a web host (own process) whose active
 * profile is an account at the proxy: every upload the page or the host makes crosses the proxy.
 */
export async function startUploadRig(): Promise<UploadBenchRig> {
  const emulator = await startAccountEmulator('bench');
  const proxy = await startMeteredProxy(emulator.apiUrl);
  const host = await startWebHost(['--no-keychain']);
  const client = await contractClient(host);
  const endpoint = new URL(emulator.urlEndpoint);
  const saved = await client.call<{ profile: { id: string } }>('profiles.save', {
    name: 'Bench account',
    urlEndpoint: `${proxy.origin}${endpoint.pathname}`,
    publicKey: emulator.publicKey,
    privateKey: emulator.privateKey,
    keyStorage: 'session',
  });
  await client.call('profiles.activate', { id: saved.profile.id });
  return {
    emulator,
    proxy,
    host,
    client,
    async stop() {
      client.close();
      await host.stop();
      await proxy.close();
      await emulator.stop();
    },
  };
}
