/**
 * Fault injection for client retry tests: `429:0.1,503:0.1,500:0.05,delay:200:0.2,drop:0.05`
 * makes that share of API requests answer 429/500/503, wait `delay` ms first, or lose the
 * connection. Off unless configured (env `IK_EMULATOR_FAULTS` or the `faults` option).
 */
export type FaultOutcome = { kind: 'status'; status: 429 | 500 | 503 } | { kind: 'drop' } | { kind: 'none' };

type Outcome = { kind: 'status'; status: 429 | 500 | 503; share: number } | { kind: 'drop'; share: number };

export class Faults {
  private constructor(
    private readonly outcomes: Outcome[],
    private readonly delays: { ms: number; share: number }[],
    private readonly random: () => number,
  ) {}

  static parse(spec: string | undefined, random: () => number = Math.random): Faults | undefined {
    if (!spec || spec.trim() === '') return undefined;
    const outcomes: Outcome[] = [];
    const delays: { ms: number; share: number }[] = [];
    for (const item of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
      const parts = item.split(':');
      if (parts[0] === 'delay' && parts.length === 3) {
        delays.push({ ms: nonNegative(parts[1], item), share: share(parts[2], item) });
      } else if (parts[0] === 'drop' && parts.length === 2) {
        outcomes.push({ kind: 'drop', share: share(parts[1], item) });
      } else if ((parts[0] === '429' || parts[0] === '500' || parts[0] === '503') && parts.length === 2) {
        outcomes.push({ kind: 'status', status: Number(parts[0]) as 429 | 500 | 503, share: share(parts[1], item) });
      } else {
        throw new Error(`IK_EMULATOR_FAULTS: cannot read "${item}" (use 429|500|503:<share>, delay:<ms>:<share>, drop:<share>)`);
      }
    }
    const total = outcomes.reduce((s, o) => s + o.share, 0);
    if (total > 1 + 1e-9) throw new Error(`IK_EMULATOR_FAULTS: status and drop shares add up to ${total} > 1`);
    return new Faults(outcomes, delays, random);
  }

  /** Total delay to apply to this request (each delay rule fires independently). */
  delayMs(): number {
    let ms = 0;
    for (const d of this.delays) if (this.random() < d.share) ms += d.ms;
    return ms;
  }

  outcome(): FaultOutcome {
    const r = this.random();
    let acc = 0;
    for (const o of this.outcomes) {
      acc += o.share;
      if (r < acc) return o.kind === 'drop' ? { kind: 'drop' } : { kind: 'status', status: o.status };
    }
    return { kind: 'none' };
  }
}

function share(raw: string, item: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`IK_EMULATOR_FAULTS: share in "${item}" must be 0..1`);
  return n;
}

function nonNegative(raw: string, item: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`IK_EMULATOR_FAULTS: delay in "${item}" must be whole milliseconds`);
  return n;
}
