import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';
import { AppError } from './result';
import { channelNames, eventNames } from './names';
import { channels, events } from './contract';
import type { ProfileView } from '../domain/profile';

const localProfile: ProfileView = {
  id: 'local',
  name: 'Local library',
  kind: 'local',
  urlEndpoint: 'http://127.0.0.1:4000/local',
  publicKey: 'public_abc',
  hasPrivateKey: true,
  keyHint: '…wxyz',
  keyStorage: 'embedded',
  active: true,
};

const connected = { profileId: 'local', state: 'connected' as const, message: 'Connected', checkedAt: '2026-01-01T00:00:00.000Z' };

function handlers(overrides: Partial<Handlers> = {}): Partial<Handlers> {
  return {
    'app.info': () => ({ name: 'MediaDesk', version: '0.1.0', host: 'web', platform: 'linux', keychain: 'available', dataDir: '/tmp/x' }),
    'profiles.list': () => [localProfile],
    'profiles.save': (draft) => ({ profile: { ...localProfile, id: draft.id ?? 'new', kind: 'imagekit', urlEndpoint: draft.urlEndpoint }, connection: connected }),
    'profiles.delete': ({ id }) => ({ id }),
    'profiles.activate': () => localProfile,
    'profiles.testConnection': () => connected,
    'connection.status': () => connected,
    ...overrides,
  };
}

const ctx = { transport: 'test' as const };
const quiet = () => undefined;

describe('router', () => {
  it('answers a valid call with the ok envelope and the handler output', async () => {
    const router = createRouter(handlers(), { validateOutput: true, log: quiet });
    await expect(router.dispatch('profiles.list', undefined, ctx)).resolves.toEqual({ ok: true, data: [localProfile] });
  });

  it('accepts null for a channel without input (JSON turns undefined into null)', async () => {
    const router = createRouter(handlers(), { validateOutput: true, log: quiet });
    expect((await router.dispatch('app.info', null, ctx)).ok).toBe(true);
  });

  it('rejects an unknown channel without calling anything', async () => {
    const router = createRouter(handlers(), { validateOutput: true, log: quiet });
    const result = await router.dispatch('files.rm-rf', {}, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no channel named "files.rm-rf".' } });
  });

  it.each([['__proto__'], ['constructor'], ['toString'], [42], [null]])('treats %s as an unknown channel', async (name) => {
    const router = createRouter(handlers(), { validateOutput: true, log: quiet });
    const result = await router.dispatch(name, undefined, ctx);
    expect(result.ok === false && result.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('answers a channel name that cannot even be turned into text (hostile toString) with UNKNOWN_CHANNEL', async () => {
    const router = createRouter(handlers(), { validateOutput: true, log: quiet });
    const hostile = { toString: 0, valueOf: 0 };
    const result = await router.dispatch(hostile, undefined, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'A channel name must be a string, not object.' } });
  });

  it('rejects bad input with BAD_INPUT naming the field, and never calls the handler', async () => {
    const save = vi.fn();
    const router = createRouter(handlers({ 'profiles.save': save }), { validateOutput: true, log: quiet });
    const result = await router.dispatch('profiles.save', { name: 'Work', urlEndpoint: 'ftp://example.com/x', publicKey: 'p' }, ctx);
    expect(save).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toMatch(/^urlEndpoint: URL endpoint must start with https:\/\//);
  });

  it('passes parsed (normalised) input to the handler', async () => {
    const save = vi.fn(handlers()['profiles.save']);
    const router = createRouter(handlers({ 'profiles.save': save }), { validateOutput: true, log: quiet });
    await router.dispatch('profiles.save', { name: '  Work ', urlEndpoint: 'https://ik.imagekit.io/demo/', publicKey: 'public_x', privateKey: 'private_y' }, ctx);
    expect(save.mock.calls[0][0]).toEqual({ name: 'Work', urlEndpoint: 'https://ik.imagekit.io/demo', publicKey: 'public_x', privateKey: 'private_y' });
  });

  it('turns output that drifted from the contract into INTERNAL when validating', async () => {
    const log = vi.fn();
    const drifted = handlers({ 'profiles.list': () => [{ ...localProfile, privateKey: undefined, hasPrivateKey: 'yes' }] as never });
    const router = createRouter(drifted, { validateOutput: true, log });
    const result = await router.dispatch('profiles.list', undefined, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'MediaDesk returned data for profiles.list that does not match its contract.' } });
    expect(log.mock.calls[0][0]).toMatch(/0\.hasPrivateKey/);
  });

  it('strips fields the contract does not list, so nothing extra leaks across', async () => {
    const leaky = handlers({ 'profiles.list': () => [{ ...localProfile, privateKey: 'private_secret' }] as never });
    const router = createRouter(leaky, { validateOutput: true, log: quiet });
    const result = await router.dispatch('profiles.list', undefined, ctx);
    expect(JSON.stringify(result)).not.toContain('private_secret');
  });

  it('maps an AppError to its code and message', async () => {
    const router = createRouter(
      handlers({ 'profiles.delete': () => { throw new AppError('NOT_ALLOWED', 'The Local library cannot be deleted.'); } }),
      { validateOutput: true, log: quiet },
    );
    await expect(router.dispatch('profiles.delete', { id: 'local' }, ctx)).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'The Local library cannot be deleted.' },
    });
  });

  it('never throws across: a crash becomes INTERNAL without the raw error text', async () => {
    const log = vi.fn();
    const router = createRouter(
      handlers({ 'profiles.activate': async () => { throw new Error('ENOENT /home/me/secret/path'); } }),
      { validateOutput: true, log },
    );
    const result = await router.dispatch('profiles.activate', { id: 'x' }, ctx);
    expect(result.ok === false && result.error.code).toBe('INTERNAL');
    expect(JSON.stringify(result)).not.toContain('/home/me');
    expect(log).toHaveBeenCalledOnce();
  });

  it('also survives a thrown non-Error value', async () => {
    const router = createRouter(handlers({ 'connection.status': () => { throw 'boom'; } }), { validateOutput: false, log: quiet });
    expect((await router.dispatch('connection.status', undefined, ctx)).ok).toBe(false);
  });
});

describe('router: cancellation', () => {
  it('answers CANCELLED at once when the call is cancelled, and the handler sees its signal aborted', async () => {
    let seen: AbortSignal | undefined;
    const router = createRouter(
      handlers({
        'connection.status': (_input, call) =>
          new Promise((resolve) => {
            seen = call.signal as AbortSignal;
            // A handler that never finishes on its own: only the cancel can end this call.
            seen.addEventListener('abort', () => setTimeout(() => resolve(connected), 50));
          }),
      }),
      { validateOutput: true, log: quiet },
    );
    const controller = new AbortController();
    const answer = router.dispatch('connection.status', undefined, { transport: 'test', signal: controller.signal });
    await vi.waitFor(() => expect(seen).toBeDefined());
    controller.abort();
    await expect(answer).resolves.toEqual({ ok: false, error: { code: 'CANCELLED', message: expect.stringMatching(/connection\.status.*cancelled/) } });
    expect(seen?.aborted).toBe(true);
  });

  it('answers CANCELLED without calling the handler when the call was cancelled before it started', async () => {
    const called = vi.fn(() => connected);
    const router = createRouter(handlers({ 'connection.status': called }), { validateOutput: true, log: quiet });
    const result = await router.dispatch('connection.status', undefined, { transport: 'test', signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(called).not.toHaveBeenCalled();
  });

  it('turns the abort error of a cancelled request into CANCELLED, not INTERNAL, and logs nothing', async () => {
    const log = vi.fn();
    const controller = new AbortController();
    const router = createRouter(
      handlers({
        'connection.status': async () => {
          controller.abort();
          throw new DOMException('This operation was aborted', 'AbortError');
        },
      }),
      { validateOutput: true, log },
    );
    const result = await router.dispatch('connection.status', undefined, { transport: 'test', signal: controller.signal });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps the answer of a call that finished before anyone cancelled it', async () => {
    const controller = new AbortController();
    const router = createRouter(handlers(), { validateOutput: true, log: quiet });
    const result = await router.dispatch('connection.status', undefined, { transport: 'test', signal: controller.signal });
    controller.abort();
    expect(result).toEqual({ ok: true, data: connected });
  });
});

describe('contract tables', () => {
  it('lists exactly the channel and event names the preload allows', () => {
    expect(Object.keys(channels).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
  });
});
