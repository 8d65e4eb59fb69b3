import { startWebHost, type WebHost } from './hosts';

/**
 * One spare web host per Playwright worker, started while the current test runs, so the next test's
 * fresh host is (nearly) ready when it asks. Each test still gets a host of its own: a new process on a
 * new data dir, never used before (a first run, as the `webHost` fixture promises). Only the waiting
 * for its start, about two seconds of every test, moves off the critical path.
 */
export class WebHostPool {
  private spare: Promise<WebHost> | undefined;
  /**
   * The environment the worker started with. A test that sets a variable for a host of its own
   * (IK_EMULATOR_FAULTS, see uploads-helpers.ts) holds it set while that host starts, and a spare
   * spawned meanwhile must not inherit it.
   */
  private readonly env: NodeJS.ProcessEnv = { ...process.env };

  constructor(private readonly args: string[]) {}

  /** A fresh host: the spare when one is starting or ready, else one started now. */
  take(): Promise<WebHost> {
    const host = this.spare ?? this.start();
    this.spare = undefined;
    return host;
  }

  /** Starts the spare for the next test, unless one is already on its way. */
  prepareNext(): void {
    this.spare ??= this.start();
  }

  /** Stops the spare (at the end of the worker). */
  async close(): Promise<void> {
    const spare = this.spare;
    this.spare = undefined;
    await spare?.then((host) => host.stop(), () => undefined);
  }

  private start(): Promise<WebHost> {
    const host = startWebHost(this.args, this.env);
    // A spare that fails to start reports its error to the test that takes it; until then it is not "unhandled".
    host.catch(() => undefined);
    return host;
  }
}
