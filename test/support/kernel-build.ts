/**
 * Helpers for the slow kernel validation suite: a patched copy of a real
 * tree, the kernel's own make targets, and the generator invocations
 * (scripts/syscallhdr.sh, scripts/syscalltbl.sh, s390's private
 * syscalltbl) read back from a `make V=1` log.
 *
 * The per-arch ABI selections, offsets and prefixes are never listed here:
 * they come from the tree's own Makefiles (arch/<arch>/kernel/syscalls/
 * Makefile, arch/<arch>/kernel/Makefile.syscalls, scripts/Makefile.asm-headers),
 * by running make and reading the commands it ran (kernel-conventions §8.3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { TestContext } from 'vitest';

/**
 * `cp -al` copy of `tree` with `patch` applied by `git apply`.  git apply
 * unlinks a file before writing the new one, so the shared tree keeps its
 * bytes even though every other file is a hard link.  The copy may sit
 * inside this repository's checkout: GIT_CEILING_DIRECTORIES keeps git from
 * finding it (git apply inside a repo silently skips paths outside the
 * current directory).  A reverse --check proves the patch is in.
 */
export function patchedCopy(tree: string, patch: string, dest: string): string {
  rmSync(dest, { recursive: true, force: true });
  run('cp', ['-al', tree, dest]);
  const env = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(dest) };
  run('git', ['apply', '--whitespace=error-all', patch], dest, env);
  run('git', ['apply', '--check', '--reverse', patch], dest, env);
  return dest;
}

export function run(cmd: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export interface MakeResult {
  status: number | null;
  log: string;
  seconds: number;
}

export function make(tree: string, build: string, arch: string, goals: string[], extra: string[] = []): MakeResult {
  const start = performance.now();
  const r = spawnSync('make', ['-C', tree, `ARCH=${arch}`, `O=${build}`, 'V=1', '-j2', ...extra, ...goals], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return { status: r.status, log: `${r.stdout}\n${r.stderr}`, seconds: (performance.now() - start) / 1000 };
}

/** One run of a table generator, as make ran it. */
export interface GeneratorCall {
  /** `syscallhdr`/`syscalltbl` (scripts/*.sh) or s390's private syscalltbl -H / -S. */
  tool: 'syscallhdr' | 'syscalltbl' | 's390-hdr' | 's390-tbl';
  /** ABI selection; undefined means every row (no --abis). */
  abis?: string[];
  offset?: string;
  prefix: string;
  /** Tree-relative path of the table read, symlinks resolved. */
  table: string;
  /** Output file, relative to the build directory (or absolute). */
  output: string;
}

/** The generator invocations in a `make V=1` log. */
export function generatorCalls(log: string, tree: string): GeneratorCall[] {
  const calls: GeneratorCall[] = [];
  const tableOf = (p: string) => relative(realpathSync(tree), realpathSync(resolve(tree, p)));
  for (const line of log.split('\n')) {
    const std = /\bscripts\/(syscallhdr|syscalltbl)\.sh\s+(.*)$/.exec(line);
    if (std) {
      const words = shellWords(std[2]!);
      const call: GeneratorCall = { tool: std[1] as GeneratorCall['tool'], prefix: '', table: '', output: '' };
      const rest: string[] = [];
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if (w === '--abis') call.abis = words[++i]!.split(',');
        else if (w === '--offset') call.offset = words[++i];
        else if (w === '--prefix') call.prefix = words[++i]!;
        else if (w !== '--emit-nr') rest.push(w);
      }
      [call.table, call.output] = [tableOf(rest[0]!), rest[1]!];
      calls.push(call);
      continue;
    }
    const s390 = /'([^']*\/syscalls\/syscalltbl)' -H -a (\S+) -f "([^"]+)" < (\S+);/.exec(line);
    if (s390) calls.push({ tool: 's390-hdr', abis: s390[2]!.split(','), prefix: '', table: tableOf(s390[4]!), output: s390[3]! });
  }
  return calls;
}

/** Whether a row's ABI is selected: syscalltbl.sh greps `^[0-9]+[[:space:]]+(a|b)`, a prefix match. */
export function selects(abis: readonly string[] | undefined, abi: string): boolean {
  return abis === undefined || abis.some((a) => abi.startsWith(a));
}

export function shellWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

export function hasTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Something a slow test needs is missing.  In CI (CI set) the test fails:
 * the slow suite exists to run it, and a pass that checked nothing would
 * hide a broken setup.  Elsewhere the test is skipped, the reason printed on
 * stderr and kept as the skip note.
 */
export function missing(ctx: TestContext, reason: string): never {
  if (process.env['CI']) throw new Error(`${reason}; CI must run this test`);
  console.warn(`SKIPPED ${ctx.task.name}: ${reason}`);
  return ctx.skip(reason);
}

/** Fail in CI, skip elsewhere, when `cmd` is not on PATH. */
export function needTool(ctx: TestContext, cmd: string): void {
  if (!hasTool(cmd)) missing(ctx, `${cmd} is not installed (scripts/setup.sh --slow installs it)`);
}

export function removeIfExists(path: string): void {
  if (existsSync(path)) rmSync(path, { recursive: true, force: true });
}
