import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { resolveConflicts } from '../../electron/services/transfer/planner';
import type { ConflictRule, TransferSpec } from '../../electron/services/transfer/types';
import { CliError, EXIT, UsageError } from '../errors';
import { planJson, printOutcome, printPlan, runJobToEnd } from '../job-runner';
import { action, type CliEnvironment, type RunContext } from '../runner';
import type { CliContext } from '../context';
import type { Output } from '../output';

const RULES: readonly ConflictRule[] = ['replace', 'keep-both', 'skip'];

function conflictRule(raw: string | undefined): ConflictRule | undefined {
  if (raw === undefined) return undefined;
  if (!RULES.includes(raw as ConflictRule)) throw new UsageError(`--on-conflict must be replace, keep-both or skip, not "${raw}".`);
  return raw as ConflictRule;
}

/** `PROFILE:/path` → profile and path. The profile part may contain spaces; the path starts at the first ":/". */
export async function libraryLocation(ctx: CliContext, raw: string): Promise<{ profileId: string; name: string; path: string }> {
  const cut = raw.indexOf(':/');
  if (cut <= 0) throw new UsageError(`"${raw}" is not PROFILE:/path (e.g. "Local library:/photos" or work:/).`);
  const profile = await ctx.profile(raw.slice(0, cut));
  return { profileId: profile.id, name: profile.name, path: raw.slice(cut + 1) };
}

interface TransferOptions {
  dryRun?: boolean;
  versions?: boolean;
  onConflict?: string;
  delete?: boolean;
  move?: boolean;
  report?: string;
  verbose?: boolean;
}

/**
 * Plans, then runs (or resumes) a transfer. Running the same command again after a crash or
 * Ctrl-C resumes the unfinished job instead of planning anew.
 */
async function transferCommand({ ctx, out }: RunContext, mode: TransferSpec['mode'], from: string, to: string, opts: TransferOptions): Promise<number> {
  const rule = conflictRule(opts.onConflict);
  const source = await libraryLocation(ctx, from);
  const target = await libraryLocation(ctx, to);
  const spec: TransferSpec = {
    source: { kind: 'library', profileId: source.profileId, path: source.path },
    target: { profileId: target.profileId, path: target.path },
    mode,
    versions: opts.versions === true,
    deleteExtraneous: opts.delete === true,
    onConflict: mode === 'sync' ? 'replace' : (rule ?? 'ask'),
  };
  const service = ctx.transfers();
  if (!opts.dryRun) {
    const unfinished = await service.unfinishedFor(spec);
    if (unfinished) {
      out.note(`Resuming the unfinished job ${unfinished} of this transfer.`);
      const { job, release } = await service.open(unfinished);
      try {
        const { code, report } = await runJobToEnd(job, out, opts.report);
        out.data(report);
        return code;
      } finally {
        await release();
        await job.close();
      }
    }
  }
  out.note(`Planning ${source.name}:${spec.source.kind === 'library' ? spec.source.path : ''} → ${target.name}:${spec.target.path}…`);
  const plan = await service.plan(spec);
  return runPlan(out, ctx, plan, { ...opts, rule });
}

export async function runPlan(out: Output, ctx: CliContext, planned: Awaited<ReturnType<ReturnType<CliContext['transfers']>['plan']>>, opts: TransferOptions & { rule?: ConflictRule }): Promise<number> {
  const plan = opts.rule ? resolveConflicts(planned, opts.rule) : planned;
  printPlan(out, plan, opts.verbose === true);
  if (opts.dryRun) {
    out.data({ dryRun: true, plan: planJson(plan) });
    return plan.blocked.length ? EXIT.blocked : EXIT.ok;
  }
  if (plan.blocked.length) {
    out.data({ ok: false, error: { code: 'BLOCKED', message: 'The target cannot hold the source\'s custom metadata; nothing was written.' }, plan: planJson(plan) });
    return EXIT.blocked;
  }
  const conflicts = plan.rows.filter((r) => r.action === 'conflict');
  if (conflicts.length) {
    throw new CliError(`${conflicts.length} file(s) exist at the target with other content; nothing was written. Run again with --on-conflict replace, keep-both or skip.`, EXIT.conflict, 'CONFLICTS');
  }
  const { job, release } = await ctx.transfers().start(plan);
  try {
    const { code, report } = await runJobToEnd(job, out, opts.report);
    out.data(report);
    return code;
  } finally {
    await release();
    await job.close();
  }
}

/** `transfer`, `sync` and `jobs`: moving libraries between profiles. */
export function registerTransfer(program: Command, io: CliEnvironment, setExit: (code: number) => void): void {
  program
    .command('transfer <source> <target>')
    .description('copy files, folders or a whole library from one profile to another (PROFILE:/path each), with tags, custom metadata, coordinates, description and flags')
    .option('--dry-run', 'show the plan only; write nothing')
    .option('--versions', 'transfer every version in order, not only the current one')
    .option('--on-conflict <rule>', 'when the target holds other content: replace, keep-both or skip')
    .option('--move', 'delete each source file once its copy is verified')
    .option('--report <file>', 'save the job report (JSON) to this file')
    .option('--verbose', 'list every planned file, skipped ones included')
    .action(action(io, setExit, 'transfer', (run: RunContext, from: string, to: string, opts: TransferOptions) => transferCommand(run, opts.move ? 'move' : 'copy', from, to, opts)));

  program
    .command('sync <source> <target>')
    .description('make a target folder match a source folder: only new and changed files move')
    .option('--delete', 'also delete target files the source does not have')
    .option('--dry-run', 'show the plan only; write nothing')
    .option('--versions', 'transfer every version of new and changed files')
    .option('--report <file>', 'save the job report (JSON) to this file')
    .option('--verbose', 'list every planned file, skipped ones included')
    .action(action(io, setExit, 'sync', (run: RunContext, from: string, to: string, opts: TransferOptions) => transferCommand(run, 'sync', from, to, opts)));

  const jobs = program.command('jobs').description('transfer jobs: list, show a report, resume or cancel');
  jobs.command('list', { isDefault: true }).description('every transfer job, newest first').action(
    action(io, setExit, 'list the jobs', async ({ ctx, out }: RunContext) => {
      const list = await ctx.transfers().jobs();
      out.table(['Job', 'State', 'Created', 'Origin'], list.map((j) => [j.id, j.busy ? `${j.state} (running elsewhere)` : j.state, new Date(j.createdAt).toISOString().slice(0, 19).replace('T', ' '), j.origin]));
      out.data(list);
    }),
  );
  jobs.command('show <id>').description('the report of a job').option('--report <file>', 'save it to this file').action(
    action(io, setExit, 'show the job', async ({ ctx, out }: RunContext, id: string, opts: { report?: string }) => {
      const { job, release } = await ctx.transfers().open(id);
      try {
        const report = job.report();
        if (opts.report) await writeFile(path.resolve(opts.report), `${JSON.stringify(report, null, 2)}\n`);
        printOutcome(out, report, opts.report);
        out.data(report);
      } finally {
        await release();
        await job.close();
      }
    }),
  );
  jobs.command('resume <id>').description('continue a paused or interrupted job').option('--report <file>', 'save the report to this file').action(
    action(io, setExit, 'resume the job', async ({ ctx, out }: RunContext, id: string, opts: { report?: string }) => {
      const { job, release } = await ctx.transfers().open(id);
      try {
        if (job.state === 'paused') void job.resume();
        const { code, report } = await runJobToEnd(job, out, opts.report);
        out.data(report);
        return code;
      } finally {
        await release();
        await job.close();
      }
    }),
  );
  jobs.command('cancel <id>').description('cancel a job (files already transferred stay)').action(
    action(io, setExit, 'cancel the job', async ({ ctx, out }: RunContext, id: string) => {
      const { job, release } = await ctx.transfers().open(id);
      try {
        await job.cancel();
        out.line(`Cancelled job ${id}.`);
        out.data(job.report());
      } finally {
        await release();
        await job.close();
      }
    }),
  );
}
