import { describe, expect, it } from 'vitest';
import type { TransferJob, TransferReport } from '../../src/api/transfers';
import { jobTitle, percentDone, progressLine, reportFacts, reportFileName, stateLabel, verificationLine } from '../../src/features/transfers/job-view';

const progress = (over: Partial<NonNullable<TransferJob['progress']>> = {}): NonNullable<TransferJob['progress']> => ({
  jobId: 'j1',
  state: 'running',
  phase: 'transfer',
  files: { total: 10, pending: 6, running: 1, paused: 0, done: 3, failed: 0, cancelled: 0 },
  bytes: { done: 1024 * 1024, total: 4 * 1024 * 1024 },
  bytesPerSecond: 512 * 1024,
  etaSeconds: 6,
  verified: { done: 0, total: 10 },
  ...over,
});
const job = (over: Partial<TransferJob> = {}): TransferJob => ({ id: 'j1', state: 'running', origin: 'app', createdAt: 0, finishedAt: null, busy: false, progress: progress(), ...over });
const report = (totals: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ format: 'mediadesk-transfer-report', version: 1, jobId: 'j1', outcome: 'complete', files: [], mode: 'copy', source: { kind: 'library', profileId: 'local', path: '/trip' }, target: { profileId: 'p2', path: '/copy' }, totals, error: null, ...extra }) as TransferReport;

describe('job view', () => {
  it('names the job by its source and target profiles', () => {
    const names: Record<string, string> = { local: 'Local library', p2: 'Studio' };
    expect(jobTitle(reportFacts(report({})), (id) => names[id])).toBe('Copy /trip from Local library to Studio /copy');
    expect(jobTitle(null, () => undefined)).toBe('Transfer');
  });

  it('reads a report whose fields are missing or of the wrong type without throwing', () => {
    const facts = reportFacts({ format: 'mediadesk-transfer-report', version: 1, jobId: 'j', outcome: 'failed', files: [], totals: { verified: 'x' } } as TransferReport);
    expect(facts).toMatchObject({ mode: 'copy', sourcePath: '', verified: 0, verifyProblems: 0 });
  });

  it('tells progress in files and bytes, with speed and time left only while running', () => {
    expect(progressLine(progress(), true)).toBe('3 of 10 files · 1.0 MB of 4.0 MB · 512 KB/s · about 6 s left');
    expect(progressLine(progress(), false)).toBe('3 of 10 files · 1.0 MB of 4.0 MB');
    expect(percentDone(progress())).toBe(25);
    expect(percentDone(progress({ bytes: { done: 0, total: 0 }, files: { total: 4, pending: 2, running: 0, paused: 0, done: 2, failed: 0, cancelled: 0 } }))).toBe(50);
  });

  it('says what verification found', () => {
    expect(verificationLine(job({ state: 'done' }), reportFacts(report({ verified: 3, verifyProblems: 0, failed: 0 })))).toEqual({
      tone: 'ok',
      text: 'Verified: 3 of 3 files match the source (checksums and fields).',
    });
    expect(verificationLine(job({ state: 'done' }), reportFacts(report({ verified: 2, verifyProblems: 1, failed: 0 })))?.tone).toBe('warn');
    expect(verificationLine(job({ state: 'verifying', progress: progress({ verified: { done: 2, total: 5 } }) }), null)?.text).toBe('Verifying 2 of 5 files…');
    expect(verificationLine(job(), null)).toBeNull();
  });

  it('marks jobs the command line runs, and running jobs without progress as interrupted', () => {
    expect(stateLabel(job({ busy: true }))).toBe('Transferring (by the command line)');
    expect(stateLabel(job({ progress: null }))).toBe('Interrupted');
  });

  it('keeps the report file name to safe characters', () => {
    expect(reportFileName('2026-01-01-abcd1234')).toBe('mediadesk-transfer-2026-01-01-abcd1234.json');
    expect(reportFileName('../../etc/passwd')).toBe('mediadesk-transfer-etcpasswd.json');
  });
});
