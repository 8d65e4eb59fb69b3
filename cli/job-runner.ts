import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TransferJob } from '../electron/services/transfer/transfer-job';
import type { TransferReport } from '../electron/services/transfer/report';
import type { TransferPlan } from '../electron/services/transfer/types';
import { EXIT } from './errors';
import { formatBytes, type Output } from './output';

const ACTION_WORDS: Record<string, string> = {
  create: 'create',
  replace: 'replace',
  'keep-both': 'keep both',
  skip: 'skip',
  'update-fields': 'update fields',
  conflict: 'CONFLICT',
  delete: 'delete',
};

/** The plan for people: totals per action, the rows that do something, fields, blocks, notes. */
export function printPlan(out: Output, plan: TransferPlan, verbose: boolean): void {
  const t = plan.totals;
  out.line(
    `Plan: ${t.byAction.create} to create, ${t.byAction.replace} to replace, ${t.byAction['keep-both']} to keep both, ${t.byAction['update-fields']} to update fields, ${t.byAction.skip} to skip (same content), ${t.byAction.conflict} in conflict, ${t.byAction.delete} to delete; ${formatBytes(t.bytes)} to upload.`,
  );
  const shown = plan.rows.filter((r) => verbose || r.action !== 'skip');
  const cap = verbose ? shown.length : 50;
  if (shown.length) {
    out.table(['Action', 'Target', 'Why', 'Size'], shown.slice(0, cap).map((r) => [ACTION_WORDS[r.action] ?? r.action, r.targetPath, r.reason, r.bytes ? formatBytes(r.bytes) : '']), { alignRight: [3] });
    if (shown.length > cap) out.line(`…and ${shown.length - cap} more (--verbose shows every row, --json gives them all).`);
  }
  if (plan.fieldsToCreate.length) out.line(`Custom metadata fields to create on the target: ${plan.fieldsToCreate.map((f) => `${f.name} (${f.schema.type})`).join(', ')}.`);
  if (plan.folders.length) out.line(`Folders to create: ${plan.folders.length}.`);
  for (const note of plan.notTransferable) out.line(`Not transferable, ${note.relPath}: ${note.what}: ${note.detail}`);
  if (plan.blocked.length) {
    out.line('Blocked: the target cannot hold the source\'s custom metadata, so nothing will be written:');
    for (const b of plan.blocked) out.line(`  - ${b.reason}`);
  }
}

/** The plan as --json gives it (sources/targets left out: they are the raw listings). */
export function planJson(plan: TransferPlan): unknown {
  const { sources: _s, targets: _t, ...rest } = plan;
  return rest;
}

/**
 * Runs a job to its end with a progress bar (bytes and files). Ctrl-C pauses the job, so running the
 * same command again resumes it. Returns the exit code the report calls for.
 */
export async function runJobToEnd(job: TransferJob, out: Output, reportFile?: string): Promise<{ code: number; report: TransferReport }> {
  const bar = out.bar('{bar} {percentage}% | {value}/{total} | {files} files | {phase}', job.progress().bytes.total || 1, formatBytes);
  job.on('progress', (p) => {
    bar.setTotal(p.bytes.total || 1);
    bar.update(p.bytes.done, { files: `${p.files.done}/${p.files.total}`, phase: p.phase === 'verify' ? `verifying ${p.verified.done}/${p.verified.total}` : p.phase });
  });
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    job.pause();
  };
  process.once('SIGINT', onSigint);
  try {
    await job.run();
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar.stop();
  }
  const report = job.report();
  if (reportFile) await writeFile(path.resolve(reportFile), `${JSON.stringify(report, null, 2)}\n`);
  if (interrupted || report.state === 'paused') {
    out.note(`Paused (job ${report.jobId}). Run the same command again, or "mediadesk jobs resume ${report.jobId}", to continue.`);
    return { code: EXIT.interrupted, report };
  }
  printOutcome(out, report, reportFile);
  const code = report.outcome === 'complete' ? EXIT.ok : report.outcome === 'complete-with-problems' ? EXIT.partial : report.outcome === 'cancelled' ? EXIT.interrupted : EXIT.unreachable;
  return { code, report };
}

export function printOutcome(out: Output, report: TransferReport, reportFile?: string): void {
  const t = report.totals;
  out.line(`Job ${report.jobId}: ${report.outcome}. ${t.done} transferred, ${t.skipped} skipped, ${t.failed} failed, ${t.verified} verified (${t.verifyProblems} with problems), ${formatBytes(t.bytesTransferred)} sent.`);
  if (report.error) out.line(`Stopped: ${report.error}`);
  for (const f of report.files.filter((x) => x.error || x.verified === false)) {
    out.line(`  ${f.targetPath}: ${f.error ?? f.problems.join('; ')}${f.help ? ` (${f.help})` : ''}`);
  }
  for (const s of report.setup.filter((x) => x.state === 'failed')) out.line(`  ${s.error}`);
  if (reportFile) out.line(`Report saved to ${path.resolve(reportFile)}.`);
}
