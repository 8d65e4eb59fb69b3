import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export class JobBusyError extends Error {
  override readonly name = 'JobBusyError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time works on a job (the app and the command line share the data folder).
 * The lock file holds the owner's pid; a lock whose process is gone (a crash, a SIGKILL) is taken
 * over, which is how a killed transfer is resumed.
 */
export async function acquireJobLock(jobDir: string): Promise<() => Promise<void>> {
  const file = path.join(jobDir, 'lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        const owner = Number(await readFile(file, 'utf8').catch(() => ''));
        if (owner === process.pid) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(file, 'utf8').catch(() => ''));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new JobBusyError(`This transfer job is being run by another MediaDesk process (pid ${owner}). Wait for it to finish or stop it first.`);
      }
      await rm(file, { force: true });
    }
  }
  throw new JobBusyError('Could not take the lock of this transfer job; try again.');
}

/** Whether some live process other than this one holds the job. */
export async function lockedByOther(jobDir: string): Promise<boolean> {
  const owner = Number(await readFile(path.join(jobDir, 'lock'), 'utf8').catch(() => ''));
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner);
}
