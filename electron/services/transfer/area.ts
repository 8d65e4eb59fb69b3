import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/index';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { TransferJobView } from '../../../shared/ipc/areas/transfer';
import type { FeatureAreaFactory } from '../app/feature-area';
import { toAppError } from '../imagekit/to-app-error';
import { LOCAL_PROFILE_ID } from '../local-library/local-library';
import { DEFAULT_RETRY } from '../upload-queue/retry-policy';
import { createBackupArea } from './backup-area';
import { JobBusyError } from './job-lock';
import { resolveConflicts } from './planner';
import type { TransferJob } from './transfer-job';
import { TransferRequestError, TransferService, type JobSummary, type TransferServiceOptions } from './transfer-service';
import type { TransferPlan } from './types';

/** Plans wait this long for `transfer.start`; the person reviews them meanwhile. */
const PLAN_TTL_MS = 60 * 60_000;
const MAX_PLANS = 20;
const ROW_LIMIT = 5000;

export type TransferAreaOptions = Pick<TransferServiceOptions, 'retry' | 'concurrency' | 'progressIntervalMs'>;

function asAppError(error: unknown, action: string): AppError {
  if (error instanceof TransferRequestError) {
    const code = ({ 'bad-path': 'BAD_INPUT', blocked: 'NOT_ALLOWED', conflicts: 'CONFLICT', busy: 'NOT_ALLOWED', 'not-found': 'NOT_FOUND' } as const)[error.kind];
    return new AppError(code, error.message);
  }
  if (error instanceof JobBusyError) return new AppError('NOT_ALLOWED', error.message);
  return toAppError(error, action);
}

function planView(planId: string, plan: TransferPlan): ChannelOutput<'transfer.plan'> {
  return {
    planId,
    createdAt: plan.createdAt,
    rows: plan.rows.slice(0, ROW_LIMIT),
    rowsTruncated: plan.rows.length > ROW_LIMIT,
    folders: plan.folders,
    fieldsToCreate: plan.fieldsToCreate.map((f) => ({ name: f.name, label: f.label, type: f.schema.type })),
    blocked: plan.blocked,
    notTransferable: plan.notTransferable,
    totals: plan.totals,
  };
}

/**
 * The transfer area: plans kept for review, jobs run in this process with their progress pushed as
 * events, and on start every job of the app that a crash interrupted is resumed. Jobs the command
 * line created are listed too, and resumed only when the person asks.
 */
export function createTransferAreaWith(options: TransferAreaOptions = {}): FeatureAreaFactory {
  return async (core) => {
    const access = async (profileId: string) => {
      const { client, connection } = await core.sessions.resolve(profileId);
      // The Local library gets a new port on every start, so its checksums are keyed by the profile alone.
      return { profileId, client, urlEndpoint: connection.urlEndpoint, libraryKey: profileId === LOCAL_PROFILE_ID ? LOCAL_PROFILE_ID : `${profileId}|${connection.urlEndpoint}` };
    };
    const service = new TransferService({ ...options, dataDir: core.dataDir, origin: 'app', access });
    const plans = new Map<string, { plan: TransferPlan; at: number }>();
    /** Keeps a plan for review (an hour, at most MAX_PLANS) and answers its view. */
    const keepPlan = (plan: TransferPlan) => {
      const now = Date.now();
      for (const [id, entry] of plans) if (now - entry.at > PLAN_TTL_MS) plans.delete(id);
      while (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
      const planId = randomUUID();
      plans.set(planId, { plan, at: now });
      return planView(planId, plan);
    };
    const backup = createBackupArea({ core, service, access, retry: { ...DEFAULT_RETRY, ...options.retry }, keepPlan, asAppError });
    const running = new Map<string, { job: TransferJob; release: () => Promise<void> }>();
    /** The last progress of jobs this run finished, so their views still say how far they got. */
    const lastProgress = new Map<string, TransferJobView['progress']>();

    const view = (summary: JobSummary): TransferJobView => {
      const own = running.get(summary.id);
      return { ...summary, busy: summary.busy && !own, progress: own ? own.job.progress() : (lastProgress.get(summary.id) ?? null) };
    };
    const viewOf = async (id: string): Promise<TransferJobView> => {
      const summary = (await service.jobs()).find((j) => j.id === id);
      if (!summary) throw new AppError('NOT_FOUND', `There is no transfer job ${id}.`);
      return view(summary);
    };
    const publish = (id: string) =>
      void viewOf(id).then(
        (v) => core.events.emit('transfer.jobChanged', v),
        (error: unknown) => core.log('could not publish a transfer job change', error),
      );

    /** Runs a job in the background; when it stops (done, paused, failed) its lock is released. */
    const listening = new WeakSet<TransferJob>();
    const drive = (job: TransferJob, release: () => Promise<void>) => {
      running.set(job.id, { job, release });
      if (!listening.has(job)) {
        listening.add(job);
        job.on('progress', (p) => core.events.emit('transfer.progress', p));
        job.on('state', () => publish(job.id));
      }
      void job
        .run()
        .catch((error: unknown) => core.log(`transfer job ${job.id} stopped unexpectedly`, error))
        .finally(async () => {
          if (job.state === 'paused') return publish(job.id); // kept open (and locked) for resume
          lastProgress.set(job.id, job.progress());
          running.delete(job.id);
          await release().catch(() => undefined);
          publish(job.id);
        });
    };

    const take = async (jobId: string) => {
      const own = running.get(jobId);
      if (own) return own;
      const opened = await service.open(jobId);
      running.set(jobId, opened);
      return opened;
    };

    // Crash recovery: the app's own interrupted jobs continue by themselves.
    for (const summary of await service.jobs()) {
      if (summary.origin !== 'app' || summary.busy || (summary.state !== 'running' && summary.state !== 'verifying')) continue;
      try {
        const { job, release } = await service.open(summary.id);
        drive(job, release);
      } catch (error) {
        core.log(`could not resume transfer job ${summary.id}`, error);
      }
    }

    return {
      archives: backup.archives,
      handlers: {
        ...backup.handlers,
        'transfer.plan': async (request) => {
          try {
            return keepPlan(await service.plan({ ...request, source: { kind: 'library', ...request.source } }));
          } catch (error) {
            throw asAppError(error, 'plan the transfer');
          }
        },
        'transfer.start': async ({ planId, onConflict, perRow }) => {
          const entry = plans.get(planId);
          if (!entry) throw new AppError('NOT_FOUND', 'That plan is no longer available (plans are kept for an hour); make the plan again.');
          try {
            const { job, release } = await service.start(resolveConflicts(entry.plan, onConflict, perRow));
            plans.delete(planId);
            drive(job, release);
            return await viewOf(job.id);
          } catch (error) {
            throw asAppError(error, 'start the transfer');
          }
        },
        'transfer.jobs': async () => (await service.jobs()).map(view),
        'transfer.pause': async ({ jobId }) => {
          const own = running.get(jobId);
          if (!own) throw new AppError('NOT_ALLOWED', 'That job is not running in the app, so there is nothing to pause.');
          own.job.pause();
          return viewOf(jobId);
        },
        'transfer.resume': async ({ jobId }) => {
          try {
            const { job, release } = await take(jobId);
            if (job.state === 'paused') void job.resume();
            drive(job, release);
            return await viewOf(jobId);
          } catch (error) {
            throw asAppError(error, 'resume the transfer');
          }
        },
        'transfer.cancel': async ({ jobId }) => {
          try {
            const { job, release } = await take(jobId);
            await job.cancel();
            running.delete(jobId);
            await release();
            await job.close();
            return await viewOf(jobId);
          } catch (error) {
            throw asAppError(error, 'cancel the transfer');
          }
        },
        'transfer.report': async ({ jobId }) => {
          try {
            const own = running.get(jobId);
            return own ? own.job.report() : await service.peekReport(jobId);
          } catch (error) {
            throw asAppError(error, 'read the transfer report');
          }
        },
      },
      close: async () => {
        backup.close();
        for (const { job, release } of running.values()) {
          await job.close();
          await release().catch(() => undefined);
        }
        running.clear();
        service.close();
      },
    };
  };
}

export const createTransferArea: FeatureAreaFactory = createTransferAreaWith();

