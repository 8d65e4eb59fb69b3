import { describe, expect, it } from 'vitest';
import { checkUrlEndpoint, keyHintOf, ProfileDraft } from './profile';

describe('URL endpoint check (before anything is saved)', () => {
  it.each([
    ['https://ik.imagekit.io/demo', 'https://ik.imagekit.io/demo'],
    ['  https://ik.imagekit.io/demo/  ', 'https://ik.imagekit.io/demo'],
    ['https://images.example.com', 'https://images.example.com'],
    ['http://127.0.0.1:4000/local', 'http://127.0.0.1:4000/local'],
    ['http://localhost:4000/x', 'http://localhost:4000/x'],
  ])('accepts %s as %s', (raw, normalised) => {
    expect(checkUrlEndpoint(raw)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ['', /is empty/],
    ['ik.imagekit.io/demo', /is not a URL/],
    ['ftp://ik.imagekit.io/demo', /must start with https:\/\//],
    ['http://ik.imagekit.io/demo', /must use https:\/\/ \(plain http is only allowed for this computer\)/],
    ['https://user:pw@ik.imagekit.io/demo', /user name or password/],
    ['https://ik.imagekit.io/demo?tr=w-100', /"\?" or "#"/],
  ])('refuses %j with a message a person can act on', (raw, message) => {
    const checked = checkUrlEndpoint(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });

  it('is what the profile draft schema applies', () => {
    const parsed = ProfileDraft.safeParse({ name: 'W', urlEndpoint: 'http://example.com/x', publicKey: 'p' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['urlEndpoint'], message: expect.stringMatching(/must use https/) });
  });
});

describe('key hint', () => {
  it('shows only the last four characters', () => {
    expect(keyHintOf('private_abcdefgh1234')).toBe('…1234');
    expect(keyHintOf('')).toBe('');
    expect(keyHintOf(null)).toBe('');
  });
});
