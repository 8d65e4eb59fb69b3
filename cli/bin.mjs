#!/usr/bin/env node
// `mediadesk` (package.json "bin"): loads TypeScript through tsx, then runs cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2), { streams: { stdout: process.stdout, stderr: process.stderr }, env: process.env, stdin: process.stdin });
process.exitCode = code;
