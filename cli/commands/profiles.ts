import type { Command } from 'commander';
import { ProfileDraft } from '../../shared/domain/profile';
import { checkConnection } from '../../electron/services/connection/connection-service';
import { UsageError } from '../errors';
import { readSecret } from '../read-secret';
import { action, type CliEnvironment, type RunContext } from '../runner';

/** `mediadesk profiles list|add|remove|use`: the app's own profiles, settings and keychain entries. */
export function registerProfiles(program: Command, io: CliEnvironment, setExit: (code: number) => void): void {
  const profiles = program.command('profiles').description('list, add, remove or choose the profiles the app uses');

  profiles
    .command('list')
    .description('every profile, the active one marked')
    .action(
      action(io, setExit, 'list the profiles', async ({ ctx, out }: RunContext) => {
        const list = await ctx.profiles.list();
        out.table(
          ['', 'Name', 'Kind', 'URL endpoint', 'Private key'],
          list.map((p) => [p.active ? '*' : '', p.name, p.kind === 'local' ? 'Local library' : 'ImageKit', p.kind === 'local' ? '(on this computer)' : p.urlEndpoint, p.kind === 'local' ? 'embedded' : p.hasPrivateKey ? `${p.keyStorage} ${p.keyHint}` : 'missing']),
        );
        out.data(list.map(({ id, name, kind, urlEndpoint, publicKey, hasPrivateKey, keyHint, keyStorage, active }) => ({ id, name, kind, urlEndpoint, publicKey, hasPrivateKey, keyHint, keyStorage, active })));
      }),
    );

  profiles
    .command('add <name>')
    .description('add an ImageKit account; the private key is read from standard input, never from an argument')
    .requiredOption('--url-endpoint <url>', 'the URL endpoint, e.g. https://ik.imagekit.io/your_id')
    .requiredOption('--public-key <key>', 'the public key')
    .option('--activate', 'make it the active profile')
    .action(
      action(io, setExit, 'add the profile', async ({ ctx, out, io: env }: RunContext, name: string, opts: { urlEndpoint: string; publicKey: string; activate?: boolean }) => {
        const existing = (await ctx.profiles.list()).find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
        if (existing) throw new UsageError(`A profile named "${existing.name}" exists already; remove it first or pick another name.`);
        const privateKey = await readSecret(env.stdin, env.streams.stderr, 'Private key: ');
        const parsed = ProfileDraft.safeParse({ name, urlEndpoint: opts.urlEndpoint, publicKey: opts.publicKey, privateKey, keyStorage: 'keychain' });
        if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'profile'}: ${i.message}`).join('; '));
        const saved = await ctx.profiles.save(parsed.data);
        if (opts.activate) await ctx.profiles.activate(saved.id);
        // The save stands either way, as in the app; the check tells whether the keys work.
        const status = await checkConnection(await ctx.profiles.connectionOf(saved.id), { timeoutMs: 10_000 });
        out.line(`Added "${saved.name}" (private key in the system keychain, ${saved.keyHint}). Connection: ${status.message}.`);
        out.data({ profile: { ...saved, active: opts.activate === true || saved.active }, connection: status });
      }),
    );

  profiles
    .command('remove <name>')
    .description('remove a profile and its keychain entry (the Local library cannot be removed)')
    .action(
      action(io, setExit, 'remove the profile', async ({ ctx, out }: RunContext, name: string) => {
        const profile = await ctx.profile(name);
        if (profile.kind === 'local') throw new UsageError('The Local library is part of MediaDesk and cannot be removed.');
        await ctx.profiles.delete(profile.id);
        out.line(`Removed "${profile.name}".`);
        out.data({ removed: { id: profile.id, name: profile.name } });
      }),
    );

  profiles
    .command('use <name>')
    .description('make a profile the active one (the app opens it too)')
    .action(
      action(io, setExit, 'choose the profile', async ({ ctx, out }: RunContext, name: string) => {
        const profile = await ctx.profile(name);
        const view = await ctx.profiles.activate(profile.id);
        out.line(`"${view.name}" is now the active profile.`);
        out.data(view);
      }),
    );
}
