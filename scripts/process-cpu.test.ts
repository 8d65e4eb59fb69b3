import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ProcessCpu } from '../bench/support/process-cpu';

/**
 * A child that has a grandchild spin for `ms` of CPU time (not wall time: a loaded machine only makes it take
 * longer), waits for it to exit, says "done" and stays: the tree's time must include the grandchild's.
 */
function spinner(ms: number) {
  const spin = `while (process.cpuUsage().user < ${ms * 1000});`;
  const script = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: 'ignore' }); console.log('done'); setTimeout(() => {}, 60000);`;
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
}

describe.runIf(ProcessCpu.available)('ProcessCpu (bench CPU accounting from /proc)', () => {
  it('counts the CPU of a tree, including a grandchild that already exited, and not of other trees', async () => {
    const busy = spinner(400);
    const idle = spawn(process.execPath, ['-e', "console.log('ready'); setTimeout(() => {}, 60000)"], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await once(idle.stdout!, 'data'); // its start-up is over before the first reading
      const cpu = new ProcessCpu({ busy: busy.pid, idle: idle.pid, gone: 999_999_999 });
      const before = cpu.read();
      // The grandchild spins for 400 ms of CPU and exits; its time lands in the child's waited-for total.
      await once(busy.stdout!, 'data');
      const used = ProcessCpu.since(before, cpu.read());
      expect(used.busy).toBeGreaterThanOrEqual(400);
      expect(used.idle).toBeLessThan(100);
      expect(used.gone).toBe(0);
      expect(used.bench).toBeGreaterThanOrEqual(0);
    } finally {
      busy.kill();
      idle.kill();
      await Promise.all([once(busy, 'exit'), once(idle, 'exit')]);
    }
  });

  it('finds a child by its command line', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'marker-for-process-cpu'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(ProcessCpu.childrenMatching(process.pid, /marker-for-process-cpu/)).toEqual([child.pid]);
      expect(ProcessCpu.childrenMatching(process.pid, /no-such-marker/)).toEqual([]);
    } finally {
      child.kill();
      await once(child, 'exit');
    }
  });
});
