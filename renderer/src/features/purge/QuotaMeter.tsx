import { usePurgeQuota } from '../../api/purge';

/** This month's purged URLs against the allowance (ImageKit: 1,000 a month by default). */
export function QuotaMeter() {
  const quota = usePurgeQuota();
  if (!quota.data) return <p className="muted">{quota.isError ? 'Quota unavailable.' : 'Loading quota…'}</p>;
  const { used, monthlyQuota, remaining, month, resetsAt } = quota.data;
  const text = `${used} of ${monthlyQuota} URLs purged in ${month}; ${remaining} left until ${resetsAt.slice(0, 10)}.`;
  return (
    <div className="purge-quota">
      <div
        role="meter"
        aria-label="Monthly purge quota"
        aria-valuemin={0}
        aria-valuemax={monthlyQuota}
        aria-valuenow={used}
        aria-valuetext={text}
        className="purge-meter"
        data-level={remaining === 0 ? 'full' : used / monthlyQuota >= 0.8 ? 'high' : 'ok'}
      >
        <span className="purge-meter-fill" style={{ width: `${Math.min(100, (used / monthlyQuota) * 100)}%` }} />
      </div>
      <p className="muted">{text}</p>
    </div>
  );
}
