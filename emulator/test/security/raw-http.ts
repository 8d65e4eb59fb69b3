import http from 'node:http';
import net from 'node:net';

/**
 * HTTP as an attacker sends it. `fetch` normalizes URLs (`/%761/files` stays, but `/v1/../x` and
 * absolute-form targets do not survive), so attack tests send the request target byte for byte.
 */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: Record<string, unknown> | undefined;
}

export interface RawRequest {
  method?: string;
  /** Exactly what goes on the request line: `/%761/files`, `http://x/v1/files`, `*`. */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Sends one request with `http.request`, which writes `target` unchanged (it is how proxies are addressed). */
export function rawRequest(apiUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(apiUrl);
  // Node frames a DELETE/GET body only when told its length (it never chunks those methods by default).
  const headers = req.body === undefined ? req.headers : { 'content-length': String(Buffer.byteLength(req.body)), ...req.headers };
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: url.hostname, port: url.port, method: req.method ?? 'GET', path: req.target, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
        });
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/**
 * Writes `bytes` on a fresh TCP connection and returns everything the server sends until it closes
 * (or `waitMs` passes). For requests `http.request` refuses to send: oversized headers, no Host, HTTP/1.0.
 */
export function rawExchange(apiUrl: string, bytes: string | Buffer, waitMs = 2000): Promise<string> {
  const url = new URL(apiUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let out = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(out);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d: Buffer) => (out += d.toString('utf8')));
    socket.on('close', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

/** Status code and JSON body of a raw HTTP/1.x response text. */
export function parseRawResponse(raw: string): { status: number; json: Record<string, unknown> | undefined } {
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
  const split = raw.indexOf('\r\n\r\n');
  return { status, json: split < 0 ? undefined : parseJson(raw.slice(split + 4)) };
}

/** A multipart/form-data body with text fields and optionally one `file` part. */
export function multipartBody(fields: Record<string, string>, file?: { name: string; data: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----raw${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
