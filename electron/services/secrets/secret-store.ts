/**
 * Where profile private keys live. Nothing here ever writes a secret to a file of ours:
 * 'keychain' is the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager);
 * 'memory' keeps keys for this run only and is used when no keychain exists and the person chose it.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(account: string): Promise<boolean>;
}

/** Raised when the OS keychain cannot be used (no Secret Service, locked, access denied). */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}
