import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const USAGE = 'usage: npm run emulator -- --port <n> --data <dir> [--host <h>] [--id <id>] [--private-key <k>] [--public-key <k>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      id: { type: 'string', default: 'local' },
      'private-key': { type: 'string' },
      'public-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help || !values.data) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be 0..65535, got ${values.port}\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values.data,
    id: values.id,
    privateKey: values['private-key'],
    publicKey: values['public-key'],
  });
  if (emulator.keysGenerated) {
    console.log(`generated keys (kept in ${values.data}/keys.json):`);
    console.log(`  privateKey=${emulator.privateKey}`);
    console.log(`  publicKey=${emulator.publicKey}`);
  }
  console.log(`emulator ready api=${emulator.apiUrl} urlEndpoint=${emulator.urlEndpoint}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`emulator: error while stopping on ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('emulator failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
