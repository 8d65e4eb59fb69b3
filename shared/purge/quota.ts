/** ImageKit's monthly allowance of purged URLs (docs `features/cache-purging.md`, "Limits on Cache Clear"). */
export const DEFAULT_MONTHLY_PURGE_QUOTA = 1000;

export interface QuotaWindow {
  /** `YYYY-MM` (UTC), the month the allowance applies to. */
  month: string;
  /** ISO start of that month and of the next one (when the count starts again). */
  startsAt: string;
  resetsAt: string;
}

/** The calendar month (UTC) containing `now`; ImageKit counts purges per calendar month. */
export function quotaWindow(now: Date): QuotaWindow {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { month: start.toISOString().slice(0, 7), startsAt: start.toISOString(), resetsAt: next.toISOString() };
}

/** Whether `count` more URLs fit; the reason names the numbers when they do not. */
export function checkQuota(count: number, used: number, quota: number): { ok: true } | { ok: false; reason: string } {
  const remaining = Math.max(0, quota - used);
  if (count <= remaining) return { ok: true };
  return {
    ok: false,
    reason: `This would purge ${count} URL${count === 1 ? '' : 's'}, but only ${remaining} of this month's ${quota} remain (${used} used).`,
  };
}
