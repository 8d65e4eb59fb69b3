import type { SecretStore } from '../../services/secrets/secret-store';

/** A secret store that counts its reads: each `get` of a real keychain is a D-Bus round trip. */
export class CountingSecretStore implements SecretStore {
  reads = 0;

  constructor(private readonly inner: SecretStore) {}

  get kind(): SecretStore['kind'] {
    return this.inner.kind;
  }

  get(account: string): Promise<string | null> {
    this.reads += 1;
    return this.inner.get(account);
  }

  set(account: string, secret: string): Promise<void> {
    return this.inner.set(account, secret);
  }

  delete(account: string): Promise<boolean> {
    return this.inner.delete(account);
  }

  /** The reads made while `action` ran. */
  async readsDuring(action: () => Promise<unknown>): Promise<number> {
    const before = this.reads;
    await action();
    return this.reads - before;
  }
}
