/**
 * The one place syswire runs git.  Every call gets a clean, deterministic
 * configuration: no system or user config, fixed abbreviation, no colour,
 * no rename detection, a fixed identity for scratch commits.
 *
 * The oldest git syswire supports is MIN_GIT: `format-patch
 * --cover-from-description`, which writes the cover letter from the
 * branch description, arrived in git 2.25.  checkGitVersion() is called
 * once at start-up by the commands that run git.
 */
import { execFileSync } from 'node:child_process';
import { decodeBytes, encodeText } from '../io/byte-text.js';
import { DiagnosticError } from '../model/diagnostics.js';

export interface GitOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string>;
}

export const MIN_GIT = [2, 25] as const;

const BASE_CONFIG = ['-c', 'core.abbrev=12', '-c', 'color.ui=false', '-c', 'diff.renames=false', '-c', 'core.quotepath=false', '-c', 'init.defaultBranch=main', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'core.autocrlf=false'];

/**
 * Run git; its output comes back as text through decodeBytes, so bytes that
 * are not UTF-8 (a Latin-1 line in a diff) survive into what syswire writes.
 * A failure throws the execFileSync error, its stdout and stderr as text.
 */
export function git(args: readonly string[], opts: GitOptions): string {
  try {
    return decodeBytes(run(args, opts));
  } catch (err) {
    const e = err as { stdout?: Uint8Array | string; stderr?: Uint8Array | string };
    for (const key of ['stdout', 'stderr'] as const) if (e[key] instanceof Uint8Array) e[key] = decodeBytes(e[key]);
    throw err;
  }
}

function run(args: readonly string[], opts: GitOptions): Buffer {
  return execFileSync('git', [...BASE_CONFIG, ...args], {
    cwd: opts.cwd,
    ...(opts.input === undefined ? {} : { input: encodeText(opts.input) }),
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: opts.cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'syswire',
      GIT_AUTHOR_EMAIL: 'syswire@localhost',
      GIT_COMMITTER_NAME: 'syswire',
      GIT_COMMITTER_EMAIL: 'syswire@localhost',
      TZ: 'UTC',
      LC_ALL: 'C',
      ...opts.env,
    },
  });
}

/** Refuse to run with a git older than MIN_GIT, or without git. */
export function checkGitVersion(cwd: string): void {
  let version: string;
  try {
    version = git(['--version'], { cwd });
  } catch {
    throw versionError('git not found on PATH (install the Debian package git)');
  }
  const found = /(\d+)\.(\d+)/.exec(version);
  if (!found) throw versionError(`cannot read the version of git from '${version.trim()}'`);
  const [major, minor] = [Number(found[1]), Number(found[2])];
  if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
    throw versionError(`git ${major}.${minor} is too old; syswire needs git ${MIN_GIT.join('.')} or newer`);
  }
}

function versionError(message: string): DiagnosticError {
  return new DiagnosticError([{ file: 'git', line: 0, col: 0, severity: 'error', message }]);
}
