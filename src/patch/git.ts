/**
 * Run real git with a clean, deterministic configuration: no system or
 * user config, fixed abbreviation, no colour, no rename detection, a fixed
 * identity for scratch commits.
 */
import { execFileSync } from 'node:child_process';

export interface GitOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string>;
}

const BASE_CONFIG = ['-c', 'core.abbrev=12', '-c', 'color.ui=false', '-c', 'diff.renames=false', '-c', 'core.quotepath=false', '-c', 'init.defaultBranch=main', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'core.autocrlf=false'];

export function git(args: readonly string[], opts: GitOptions): string {
  return execFileSync('git', [...BASE_CONFIG, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
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
