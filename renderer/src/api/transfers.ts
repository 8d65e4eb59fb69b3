import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { BackupActivityView, TransferJobView } from '../../../shared/ipc/areas/transfer';
import { invoke, subscribe } from './client';
import { libraryKeys, pickDirectory, refreshLibrary } from './library';
import { webUploadToken } from './transport';

export type TransferPlan = ChannelOutput<'transfer.plan'>;
export type TransferJob = TransferJobView;
export type TransferReport = ChannelOutput<'transfer.report'>;
export type TransferPlanRequest = ChannelInput<'transfer.plan'>;
export type TransferStartRequest = ChannelInput<'transfer.start'>;

export const transferKeys = {
  jobs: ['transfer', 'jobs'] as const,
  report: (jobId: string) => ['transfer', 'report', jobId] as const,
};

const FINAL: ReadonlySet<TransferJob['state']> = new Set(['done', 'cancelled', 'failed']);

/** Every transfer job (the command line's too), newest first; kept current by useTransferEvents. */
export function useTransferJobs() {
  return useQuery({ queryKey: transferKeys.jobs, queryFn: () => invoke('transfer.jobs') });
}

/** A job's report (files, outcome, verification); re-read whenever the job changes state. */
export function useTransferReport(jobId: string, enabled = true) {
  return useQuery({ queryKey: transferKeys.report(jobId), queryFn: () => invoke('transfer.report', { jobId }), enabled });
}

/** Reads the report now (for saving it), not from the cache: it must be the latest. */
export function fetchTransferReport(jobId: string): Promise<TransferReport> {
  return invoke('transfer.report', { jobId });
}

function upsertJob(client: QueryClient, job: TransferJob) {
  client.setQueryData<TransferJob[]>(transferKeys.jobs, (old) => {
    if (!old) return [job];
    const at = old.findIndex((j) => j.id === job.id);
    if (at === -1) return [job, ...old];
    const next = old.slice();
    next[at] = job;
    return next;
  });
}

/**
 * Feeds the transfer pushes into the cache: progress into its job, state changes into the list and
 * the job's report; a job that ends refreshes every library (files appeared on the target, and a
 * move removed them from the source). Mount once (the Transfers drawer does).
 */
export function useTransferEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offProgress = subscribe('transfer.progress', (progress) => {
      client.setQueryData<TransferJob[]>(transferKeys.jobs, (old) =>
        old?.map((j) => (j.id === progress.jobId ? { ...j, state: progress.state, progress } : j)),
      );
    });
    const offChanged = subscribe('transfer.jobChanged', (job) => {
      upsertJob(client, job);
      void client.invalidateQueries({ queryKey: transferKeys.report(job.id) });
      if (FINAL.has(job.state) || job.state === 'verifying') void refreshLibrary(client);
    });
    return () => {
      offProgress();
      offChanged();
    };
  }, [client]);
}

/** The dry run: reads both profiles and writes nothing; the answer holds the plan id for `start`. */
export function usePlanTransfer() {
  return useMutation({
    mutationFn: async (requests: TransferPlanRequest[]) => {
      // One after another: each plan reads both libraries, and the host keeps a limited number of plans.
      const plans: TransferPlan[] = [];
      for (const request of requests) plans.push(await invoke('transfer.plan', request));
      return plans;
    },
  });
}

/** Starts one job per reviewed plan. */
export function useStartTransfer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (requests: TransferStartRequest[]) => {
      const jobs: TransferJob[] = [];
      for (const request of requests) jobs.push(await invoke('transfer.start', request));
      return jobs;
    },
    onSuccess: (jobs) => jobs.forEach((job) => upsertJob(client, job)),
  });
}

/** Pause, resume or cancel a job (files already transferred stay when cancelled). */
export function useTransferJobAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, jobId }: { action: 'pause' | 'resume' | 'cancel'; jobId: string }) => invoke(`transfer.${action}`, { jobId }),
    onSuccess: (job) => {
      upsertJob(client, job);
      void client.invalidateQueries({ queryKey: transferKeys.report(job.id) });
    },
  });
}

/** The direct subfolders of a folder in any profile (the transfer's target may not be the open one). */
export function useProfileFolders(profileId: string | undefined, folderPath: string) {
  return useQuery({
    queryKey: libraryKeys.folders(profileId ?? '', folderPath),
    queryFn: ({ signal }) => invoke('library.folders', { profileId, folderPath }, { signal }),
    enabled: Boolean(profileId),
    retry: false,
  });
}

export type BackupActivity = BackupActivityView;
export type BackupSummary = ChannelOutput<'transfer.inspectBackup'>;

export const backupKeys = { all: ['transfer', 'backups'] as const };

/** Backups of this run (folder or .zip), newest first; kept current by useTransferEvents. */
export function useBackups() {
  return useQuery({ queryKey: backupKeys.all, queryFn: () => invoke('transfer.backups') });
}

function upsertBackup(client: QueryClient, backup: BackupActivity) {
  client.setQueryData<BackupActivity[]>(backupKeys.all, (old) => {
    if (!old) return [backup];
    const at = old.findIndex((b) => b.id === backup.id);
    if (at === -1) return [backup, ...old];
    const next = old.slice();
    next[at] = backup;
    return next;
  });
}

/** Feeds `transfer.backupChanged` into the backups list. Mount once (the Transfers drawer does). */
export function useBackupEvents(): void {
  const client = useQueryClient();
  useEffect(() => subscribe('transfer.backupChanged', (backup) => upsertBackup(client, backup)), [client]);
}

/** True where the page can name no folder on disk (the browser): backups travel as .zip files instead. */
export const backupsAsZip = (): boolean => webUploadToken() !== null;

/**
 * Starts a backup: the desktop app writes into a folder chosen in its own dialog (null when the
 * person cancels the dialog); the browser gets the .zip as a download from the web host.
 */
export function useStartBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: { profileId: string; path: string; versions: boolean }): Promise<BackupActivity | null> => {
      const token = webUploadToken();
      if (token === null) {
        const directory = await pickDirectory();
        if (directory === null) return null;
        return invoke('transfer.backupToFolder', { ...request, directory });
      }
      const prepared = await invoke('transfer.prepareBackupZip', request);
      // A same-origin link with `download` saves the streamed .zip without leaving the page.
      const link = document.createElement('a');
      link.href = `/transfers/backup.zip?${new URLSearchParams({ token, id: prepared.id }).toString()}`;
      link.download = prepared.destination;
      document.body.append(link);
      link.click();
      link.remove();
      return prepared;
    },
    onSuccess: (backup) => backup && upsertBackup(client, backup),
  });
}

export function useCancelBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('transfer.cancelBackup', { id }),
    onSuccess: (backup) => upsertBackup(client, backup),
  });
}

/** The desktop app: a backup folder chosen in its dialog, read (its manifest) but not restored yet; null when cancelled. */
export async function openBackupFolder(): Promise<BackupSummary | null> {
  const directory = await pickDirectory();
  return directory === null ? null : invoke('transfer.inspectBackup', { directory });
}

/** The browser: sends a backup .zip to the web host, which unpacks and checks it whole before answering its summary. */
export async function uploadBackupZip(file: Blob): Promise<BackupSummary> {
  const token = webUploadToken();
  if (token === null) throw new Error('Only the browser version sends a backup .zip; choose the backup folder instead.');
  let response: Response;
  try {
    response = await fetch('/transfers/restore.zip', { method: 'PUT', body: file, headers: { 'X-MediaDesk-Token': token }, credentials: 'same-origin' });
  } catch (error) {
    throw new Error(`MediaDesk could not be reached while sending the backup (${error instanceof Error ? error.message : String(error)}).`);
  }
  const answer = (await response.json().catch(() => null)) as { ok?: boolean; data?: BackupSummary; error?: { message?: string } } | null;
  if (response.ok && answer?.ok && answer.data) return answer.data;
  throw new Error(answer?.error?.message ?? `MediaDesk refused the backup (HTTP ${response.status}).`);
}

/** The dry run of a restore: a plan for `useStartTransfer`, like a transfer's. */
export function usePlanRestore() {
  return useMutation({ mutationFn: (request: ChannelInput<'transfer.planRestore'>) => invoke('transfer.planRestore', request) });
}
