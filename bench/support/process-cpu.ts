import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * CPU time of process trees, read from /proc (Linux only: elsewhere `available` is false and every reading 0).
 * A bench names the roots it started (Chromium's browser process, a host, the emulator); each reading sums the
 * user and system time of the root and everything under it, including children that already exited and were
 * waited for. The bench's own process is read with process.cpuUsage(), without its children.
 */
export class ProcessCpu {
  static readonly available = os.platform() === 'linux';
  private static readonly tick = 1000 / 100; // USER_HZ: 100 on every Linux Node supports

  constructor(private readonly roots: Record<string, number | undefined>) {}

  /** CPU milliseconds used so far per named tree, plus `bench` (this process). */
  read(): Record<string, number> {
    const own = process.cpuUsage();
    const out: Record<string, number> = { bench: (own.user + own.system) / 1000 };
    if (!ProcessCpu.available) return out;
    const procs = ProcessCpu.table();
    const children = new Map<number, number[]>();
    for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
    for (const [name, root] of Object.entries(this.roots)) {
      let ticks = 0;
      const todo = root === undefined ? [] : [root];
      while (todo.length) {
        const pid = todo.pop()!;
        ticks += procs.get(pid)?.ticks ?? 0;
        todo.push(...(children.get(pid) ?? []));
      }
      out[name] = ticks * ProcessCpu.tick;
    }
    return out;
  }

  /** Direct children of `parent` whose command line matches (Chromium as Playwright started it, say). */
  static childrenMatching(parent: number, command: RegExp): number[] {
    if (!ProcessCpu.available) return [];
    return [...ProcessCpu.table()]
      .filter(([pid, p]) => {
        if (p.ppid !== parent) return false;
        try {
          return command.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
        } catch {
          return false;
        }
      })
      .map(([pid]) => pid);
  }

  /** What each tree used between two readings. */
  static since(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, Math.max(0, v - (before[k] ?? 0))]));
  }

  private static table(): Map<number, { ppid: number; ticks: number }> {
    const table = new Map<number, { ppid: number; ticks: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited between the listing and the read
      }
      // The command name may hold spaces and parentheses: the fields start after its last ')'.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    }
    return table;
  }
}
