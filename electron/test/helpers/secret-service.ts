/**
 * Whether the keychain integration tests have a real Secret Service. scripts/with-keyring.sh (which
 * `npm test` runs Vitest in) sets MEDIADESK_KEYRING=1 inside its private gnome-keyring session, or
 * MEDIADESK_KEYRING_SKIP to the reason it could not start one (for example the packages are not
 * installed). A bare `npx vitest run` has neither.
 */
export type SecretServiceForTests = { available: true } | { available: false; reason: string };

export function secretServiceForTests(env: NodeJS.ProcessEnv = process.env): SecretServiceForTests {
  if (env.MEDIADESK_KEYRING === '1') return { available: true };
  const reason = env.MEDIADESK_KEYRING_SKIP?.trim();
  return { available: false, reason: reason || 'needs a Secret Service: run through scripts/with-keyring.sh (npm test does)' };
}

/** The describe title that says which keychain the tests use, or why they skip. */
export function secretServiceTitle(subject: string, service: SecretServiceForTests): string {
  return `${subject} (${service.available ? 'gnome-keyring' : `skipped: ${service.reason}`})`;
}
