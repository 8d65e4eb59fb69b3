import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const USAGE = [
  'usage: npm run emulator -- --port <n> --data <dir> [--host <h>] [--id <id>] [--private-key <k>] [--public-key <k>] [--allow-private-urls]',
  '  --private-key/--public-key (or IK_EMULATOR_PRIVATE_KEY/IK_EMULATOR_PUBLIC_KEY): keys for this run only, never written to disk;',
  '    without them the emulator uses the pair it generated and keeps in <dir>/keys.json.',
  '  --allow-private-urls: let remote-URL uploads and webhooks reach loopback, private and link-local addresses.',
].join('\n');

/**
 * Keys chosen for this run: a flag, else the emulator's own variable. The SDK's
 * IMAGEKIT_PRIVATE_KEY is deliberately not read: it often holds a real account's key.
 */
function chosenKeys(flags: { privateKey?: string; publicKey?: string }): { privateKey?: string; publicKey?: string } {
  return {
    privateKey: flags.privateKey || process.env.IK_EMULATOR_PRIVATE_KEY || undefined,
    publicKey: flags.publicKey || process.env.IK_EMULATOR_PUBLIC_KEY || undefined,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      id: { type: 'string', default: 'local' },
      'private-key': { type: 'string' },
      'public-key': { type: 'string' },
      'allow-private-urls': { type: 'boolean', default: false },
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
  if (process.env.IMAGEKIT_PRIVATE_KEY) {
    console.error('emulator: IMAGEKIT_PRIVATE_KEY is set and ignored; to choose the key, use --private-key or IK_EMULATOR_PRIVATE_KEY.');
  }
  const keys = chosenKeys({ privateKey: values['private-key'], publicKey: values['public-key'] });
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values.data,
    id: values.id,
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    allowPrivateRemoteUrls: values['allow-private-urls'],
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
