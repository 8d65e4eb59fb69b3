import os from 'node:os';

export interface CpuTicks {
  /** Milliseconds all cores spent idle since boot. */
  idle: number;
  /** Milliseconds all cores spent in any state since boot. */
  total: number;
  cores: number;
}

export function cpuTicks(): CpuTicks {
  const cpus = os.cpus();
  let idle = 0;
  let total = 0;
  for (const { times } of cpus) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cores: cpus.length };
}

/**
 * Idle cores of the whole machine between two readings (0 when nothing was counted, e.g. a reading
 * taken within the same clock tick). The kernel counts in ticks of 10 ms per core, so a window of
 * 50 ms resolves about a fifth of a core.
 */
export function idleCores(before: CpuTicks, after: CpuTicks): number {
  const total = after.total - before.total;
  if (!(total > 0) || after.cores !== before.cores) return 0;
  return ((after.idle - before.idle) / total) * after.cores;
}
