/**
 * A transfer run in its own process, so a test can SIGKILL it mid-transfer and start it again.
 * argv[2] is a JSON config: { dataDir, accounts: { id: { apiUrl, urlEndpoint, privateKey } }, spec }.
 * Running it again with the same spec resumes the unfinished job (as the command line does).
 * Prints `JOB <id>`, `ITEM <relPath> <state> <step>` lines, then `DONE <outcome>`.
 */
import ImageKit from '@imagekit/nodejs';
import { TransferService } from '../../services/transfer/transfer-service';
import type { TransferSpec } from '../../services/transfer/types';

interface Config {
  dataDir: string;
  accounts: Record<string, { apiUrl: string; urlEndpoint: string; privateKey: string }>;
  spec: TransferSpec;
  concurrency?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const service = new TransferService({
  dataDir: config.dataDir,
  origin: 'test-child',
  concurrency: config.concurrency ?? 3,
  retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 200 },
  access: async (profileId) => {
    const account = config.accounts[profileId];
    if (!account) throw new Error(`unknown profile ${profileId}`);
    return { profileId, client: new ImageKit({ privateKey: account.privateKey, baseURL: account.apiUrl, maxRetries: 0 }), urlEndpoint: account.urlEndpoint, libraryKey: `${profileId}|${account.urlEndpoint}` };
  },
});

const existing = await service.unfinishedFor(config.spec);
const { job, release } = existing ? await service.open(existing) : await service.start(await service.plan(config.spec));
console.log(`JOB ${job.id} ${existing ? 'resumed' : 'new'}`);
job.on('item', (item) => console.log(`ITEM ${item.relPath} ${item.state} ${item.step}`));
await job.run();
await release();
console.log(`DONE ${job.report().outcome}`);
service.close();
