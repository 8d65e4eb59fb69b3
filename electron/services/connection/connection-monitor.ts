import type { ConnectionStatus } from '../../../shared/domain/connection';
import type { ProfileConnection } from '../profiles/profile-service';
import { checkConnection } from './connection-service';
import { errorMessage } from '../../../shared/error-message';

export interface ConnectionMonitorDeps {
  activeId(): string;
  connectionOf(profileId: string): Promise<ProfileConnection>;
  /** Called whenever the active profile's state changes (the status bar listens). */
  publish(status: ConnectionStatus): void;
  timeoutMs: number;
}

/**
 * Remembers the last check of each profile and keeps the active profile's state current: checked
 * when it becomes active, on demand, and after it is saved.
 */
export class ConnectionMonitor {
  readonly #last = new Map<string, ConnectionStatus>();
  /** Checks in flight, so overlapping requests for one profile share a single call. */
  readonly #inflight = new Map<string, Promise<ConnectionStatus>>();

  constructor(private readonly deps: ConnectionMonitorDeps) {}

  /** The active profile's last known state; checks it now if it was never checked. */
  async activeStatus(): Promise<ConnectionStatus> {
    const id = this.deps.activeId();
    return this.#last.get(id) ?? this.checkProfile(id);
  }

  /** Checks a saved profile and records (and, if active, publishes) the outcome. */
  checkProfile(profileId: string): Promise<ConnectionStatus> {
    const running = this.#inflight.get(profileId);
    if (running) return running;
    const check: Promise<ConnectionStatus> = this.runCheck(profileId).then((status) => {
      // A check started before the profile was edited (forget) must not overwrite the newer one.
      if (this.#inflight.get(profileId) !== check) return status;
      this.#inflight.delete(profileId);
      this.#last.set(profileId, status);
      if (profileId === this.deps.activeId()) this.deps.publish(status);
      return status;
    });
    this.#inflight.set(profileId, check);
    return check;
  }

  private async runCheck(profileId: string): Promise<ConnectionStatus> {
    if (profileId === this.deps.activeId()) {
      this.deps.publish({ profileId, state: 'checking', message: 'Checking the connection…', checkedAt: this.#last.get(profileId)?.checkedAt ?? null });
    }
    try {
      return await checkConnection(await this.deps.connectionOf(profileId), { timeoutMs: this.deps.timeoutMs });
    } catch (error) {
      // No key saved, profile gone, keychain locked: still a state the status bar can show.
      return { profileId, state: 'error', message: errorMessage(error), checkedAt: new Date().toISOString() };
    }
  }

  /** Checks a connection that is not (yet) a saved profile, e.g. the Profile dialog's draft. */
  checkDraft(connection: ProfileConnection): Promise<ConnectionStatus> {
    return checkConnection(connection, { timeoutMs: this.deps.timeoutMs });
  }

  /** Drops what is known about a profile (after an edit or delete); a check in flight is disregarded. */
  forget(profileId: string): void {
    this.#last.delete(profileId);
    this.#inflight.delete(profileId);
  }
}
