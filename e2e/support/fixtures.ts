import { test as base, expect, type WebSocket as PwWebSocket } from '@playwright/test';
import { startAccountEmulator, type Emulator, type WebHost } from './hosts';
import { WebHostPool } from './host-pool';
import { describeCalls, describePage } from './failure-report';

export interface FrameLog {
  /** Every frame the page received over any WebSocket, as text. */
  received: string[];
  /** Every frame the page sent. */
  sent: string[];
  sockets: PwWebSocket[];
}

interface Fixtures {
  /** A web host on a fresh data dir: each test is a first run. */
  webHost: WebHost;
  /** Records WebSocket traffic of the page from before its first navigation. */
  frames: FrameLog;
  /** Secrets that must never appear in a frame sent to the page (checked after the test). */
  secrets: string[];
}

interface WorkerFixtures {
  /** An emulator standing in for an ImageKit account; shared by a worker's tests. */
  account: Emulator;
  /** Starts each test's web host ahead of time (see host-pool.ts). */
  webHosts: WebHostPool;
}

const asText = (payload: string | Buffer) => (typeof payload === 'string' ? payload : payload.toString('utf8'));

/* Playwright reads fixture dependencies from the first parameter's destructuring, so fixtures that
   depend on nothing must still destructure an empty object. */
/* eslint-disable no-empty-pattern */
export const test = base.extend<Fixtures, WorkerFixtures>({
  account: [
    async ({}, use) => {
      const emulator = await startAccountEmulator();
      await use(emulator);
      await emulator.stop();
    },
    { scope: 'worker' },
  ],

  webHosts: [
    async ({}, use) => {
      const pool = new WebHostPool(['--no-keychain']);
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],

  webHost: async ({ webHosts }, use, testInfo) => {
    const host = await webHosts.take();
    // The next test's host starts while this one runs.
    webHosts.prepareNext();
    await use(host);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-host.log', { body: host.proc.output(), contentType: 'text/plain' });
    }
    await host.stop();
  },

  secrets: async ({}, use) => {
    await use([]);
  },

  frames: [
    async ({ page, secrets }, use, testInfo) => {
      const log: FrameLog = { received: [], sent: [], sockets: [] };
      // Errors the page logged or threw (a part that failed to load, a failed request), for a failure's report.
      const pageErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
      page.on('websocket', (ws) => {
        log.sockets.push(ws);
        ws.on('framereceived', ({ payload }) => log.received.push(asText(payload)));
        ws.on('framesent', ({ payload }) => log.sent.push(asText(payload)));
      });
      await use(log);
      if (testInfo.status !== testInfo.expectedStatus) {
        // The CI log shows text attachments: what the page showed and which calls failed or never came back.
        const errors = pageErrors.length ? pageErrors.slice(-10).map((e) => `  ${e.slice(0, 300)}`).join('\n') : '  none';
        const body = `${describeCalls(log)}\nerrors in the page:\n${errors}\n\npage:\n${await describePage(page)}`;
        await testInfo.attach('page-state.txt', { body, contentType: 'text/plain' });
      }
      // Across the whole session, nothing the host sent to the page may carry a private key.
      for (const secret of secrets) {
        const leaks = log.received.filter((frame) => frame.includes(secret));
        expect(leaks, `a frame sent to the page contains the private key ending ${secret.slice(-4)}`).toEqual([]);
      }
    },
    { auto: true },
  ],
});
/* eslint-enable no-empty-pattern */

export { expect };
