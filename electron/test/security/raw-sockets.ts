import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * Byte-level clients for attack tests: what a hostile page or local process can put on the wire,
 * which well-behaved clients (fetch, the ws library) refuse to send.
 */

/**
 * Sends a WebSocket upgrade request and resets the connection (TCP RST) as soon as it is written,
 * so the server's refusal meets a socket that is already gone.
 */
export function resetAfterUpgradeRequest(port: number, target: string, origin: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.on('connect', () => {
      const request =
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`;
      socket.write(request, () => socket.resetAndDestroy());
    });
  });
}

/** Writes `text` on a fresh connection and resolves with everything answered until the server closes (or 3 s pass). */
export function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, 3000);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
  });
}

/** One masked (client-to-server) text frame carrying `payload` as is, valid UTF-8 or not (payload < 126 bytes). */
export function maskedTextFrame(payload: Buffer): Buffer {
  if (payload.length >= 126) throw new Error('maskedTextFrame only builds frames with a 7-bit length');
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}
