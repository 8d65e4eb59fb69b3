import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(repoRoot, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
/** Gives the CLI the commander major it was written for (see the file). */
const COMMANDER_SHIM = path.join(repoRoot, 'security', 'electronegativity-commander.cjs');

/** One Electronegativity result, from its SARIF output. `file` is relative to the scanned root; '' for global checks. */
export interface Finding {
  check: string;
  level: string;
  file: string;
  line: number;
  message: string;
}

export interface ScanResult {
  findings: Finding[];
  /** Files the scanner could not parse: they were not checked at all, so the gate treats them as failures. */
  parseErrors: string[];
}

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      level?: string;
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
    }[];
  }[];
}

/** Reads Electronegativity's SARIF into findings (global checks point at `file:///`). */
export function parseSarif(text: string): Finding[] {
  const sarif = JSON.parse(text) as Sarif;
  if (!Array.isArray(sarif.runs) || sarif.runs.length !== 1) throw new Error('Electronegativity SARIF must hold exactly one run.');
  return sarif.runs[0].results.map((r) => {
    const location = r.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation.uri ?? '';
    return {
      check: r.ruleId,
      level: r.level ?? 'warning',
      file: uri.startsWith('file:') ? '' : uri.replace(/\\/g, '/'),
      line: location?.region?.startLine ?? 0,
      message: r.message.text,
    };
  });
}

/**
 * Runs Electronegativity over a directory. It always exits 0 (findings or not), so the result is
 * read from its SARIF file; its release-feed check needs the network and is skipped.
 */
export async function scan(input: string, sarifFile: string, electronVersion: string): Promise<ScanResult> {
  const args = ['-i', input, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-o', sarifFile];
  const { stdout, stderr } = await run(process.execPath, ['-r', COMMANDER_SHIM, CLI, ...args], { cwd: input, timeout: 120_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } });
  const parseErrors = [...`${stdout}\n${stderr}`.matchAll(/Error parsing (.+)/g)].map((m) => m[1].trim());
  return { findings: parseSarif(await readFile(sarifFile, 'utf8')), parseErrors };
}

/** A reviewed finding: why it is not a problem here and which test guards the real protection. */
export interface ScanException {
  scan: string;
  check: string;
  /** Relative to the scan root; '' for a global check. */
  file: string;
  justification: string;
  guardedBy: string[];
}

export async function loadExceptions(): Promise<ScanException[]> {
  const text = await readFile(path.join(repoRoot, 'security', 'electronegativity-exceptions.json'), 'utf8');
  return (JSON.parse(text) as { exceptions: ScanException[] }).exceptions;
}

const matches = (scanName: string, f: Finding) => (e: ScanException) => e.scan === scanName && e.check === f.check && e.file === f.file;

/** Findings no exception justifies: the gate fails on any of them. */
export function unjustified(scanName: string, findings: Finding[], exceptions: ScanException[]): Finding[] {
  return findings.filter((f) => !exceptions.some(matches(scanName, f)));
}

/** Exceptions of a scan that no finding used any more: stale, so they must go. */
export function unusedExceptions(scanName: string, findings: Finding[], exceptions: ScanException[]): ScanException[] {
  return exceptions.filter((e) => e.scan === scanName && !findings.some((f) => matches(scanName, f)(e)));
}
