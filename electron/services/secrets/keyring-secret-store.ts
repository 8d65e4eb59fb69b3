import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { KeychainUnavailableError, type SecretStore } from './secret-store';
import { errorMessage } from '../../../shared/error-message';

/**
 * The OS keychain through @napi-rs/keyring (prebuilt N-API, works in plain Node and in Electron's
 * main process alike, so the same code is tested here against gnome-keyring). Chosen over Electron
 * safeStorage because that needs the Electron runtime and on Linux may fall back to `basic_text`.
 * On Linux it is pinned to the Secret Service: the kernel keyring fallback forgets keys at logout,
 * which would look like saving and then silently lose the key.
 */
const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };

function unavailable(error: unknown): KeychainUnavailableError {
  const reason = errorMessage(error);
  return new KeychainUnavailableError(`The system keychain is not available (${reason}).`, { cause: error });
}

export class KeyringSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;

  /** `service` names the app's entries in the keychain (tests use their own). */
  constructor(private readonly service = 'MediaDesk') {}

  private entry(account: string): AsyncEntry {
    try {
      return new AsyncEntry(this.service, account, entryOptions);
    } catch (error) {
      throw unavailable(error);
    }
  }

  async get(account: string): Promise<string | null> {
    try {
      return await this.entry(account).getPassword();
    } catch (error) {
      throw error instanceof KeychainUnavailableError ? error : unavailable(error);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await this.entry(account).setPassword(secret);
    } catch (error) {
      throw error instanceof KeychainUnavailableError ? error : unavailable(error);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await this.entry(account).deletePassword();
    } catch (error) {
      throw error instanceof KeychainUnavailableError ? error : unavailable(error);
    }
  }

  /**
   * Whether the keychain works right now: writes, reads back and deletes a probe entry. A keychain
   * that exists but is locked or refuses access counts as unavailable.
   */
  async probe(timeoutMs = 5000): Promise<{ available: true } | { available: false; reason: string }> {
    const account = `probe-${process.pid}-${Date.now()}`;
    const attempt = (async () => {
      await this.set(account, 'probe');
      const back = await this.get(account);
      await this.delete(account);
      if (back !== 'probe') throw new KeychainUnavailableError('The system keychain did not return what was stored.');
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new KeychainUnavailableError(`The system keychain did not answer within ${timeoutMs} ms.`)), timeoutMs);
    });
    try {
      await Promise.race([attempt, timeout]);
      return { available: true };
    } catch (error) {
      attempt.catch(() => undefined);
      return { available: false, reason: errorMessage(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
