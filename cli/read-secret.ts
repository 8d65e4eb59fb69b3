import { UsageError } from './errors';

const MAX_SECRET = 4096;

/**
 * Reads a secret from standard input. From a pipe or file: everything, trimmed. From a terminal: one
 * line, typed without echo. A secret never comes from an argument, where `ps` and shell history
 * would show it.
 */
export async function readSecret(
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown },
  prompt: NodeJS.WritableStream,
  label: string,
): Promise<string> {
  const text = stdin.isTTY && stdin.setRawMode ? await readTyped(stdin, prompt, label) : await readAll(stdin);
  const secret = text.trim();
  if (!secret) throw new UsageError('No private key on standard input. Pipe it in, e.g.: printf %s "$KEY" | mediadesk profiles add …');
  return secret;
}

async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > MAX_SECRET) throw new UsageError(`The private key on standard input is longer than ${MAX_SECRET} characters; is that the right input?`);
  }
  return text;
}

function readTyped(stdin: NodeJS.ReadableStream & { setRawMode?: (on: boolean) => unknown }, prompt: NodeJS.WritableStream, label: string): Promise<string> {
  prompt.write(label);
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      prompt.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
