import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerFiles } from './commands/files';
import { registerLibrary } from './commands/library';
import { registerProfiles } from './commands/profiles';
import { registerTransfer } from './commands/transfer';
import { EXIT, EXIT_CODE_HELP } from './errors';
import type { CliEnvironment } from './runner';

const packageJson = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json');

export function buildProgram(io: CliEnvironment, setExit: (code: number) => void): Command {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const program = new Command('mediadesk')
    .description('MediaDesk on the command line: the same profiles, keychain entries and Local library as the app')
    .version(version)
    .option('--data <dir>', 'data folder (default: MEDIADESK_DATA_DIR, else the app\'s own folder)')
    .option('--profile <name>', 'profile to use (default: the active one)')
    .option('--json', 'print one JSON document for scripts instead of tables')
    .showHelpAfterError('(run "mediadesk --help" for the commands)')
    .addHelpText('after', `\n${EXIT_CODE_HELP}`)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.streams.stdout.write(text),
      writeErr: (text) => io.streams.stderr.write(text),
    });
  registerProfiles(program, io, setExit);
  registerLibrary(program, io, setExit);
  registerFiles(program, io, setExit);
  registerTransfer(program, io, setExit);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs one command line; resolves with the exit code (cli/README.md lists them). */
export async function main(argv: string[], io: CliEnvironment): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return quiet ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2), { streams: { stdout: process.stdout, stderr: process.stderr }, env: process.env, stdin: process.stdin });
  process.exitCode = code;
}
