/**
 * The one place `syswire prove` runs external tools other than git (make,
 * compilers, QEMU; git stays in src/git/git-runner.ts).  A tool that is
 * not on PATH is a located error naming the Debian package that provides
 * it, checked before any long step starts; a run can be bounded by a
 * timeout, after which the tool (and its process group) is killed.
 */
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, createWriteStream, existsSync, openSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DiagnosticError } from '../model/diagnostics.js';

export interface ToolNeed {
  tool: string;
  pkg: string;
}

export interface ToolResult {
  status: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  timedOut: boolean;
  seconds: number;
}

export interface ToolOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the tool after this many milliseconds. */
  timeoutMs?: number;
  /** Also write the output to this file as it comes (a build log, a console log). */
  logFile?: string;
  /** Send stdout, as bytes, to this file instead (an archive a tool writes to stdout). */
  stdoutFile?: string;
}

/** Whether `tool` is an executable on PATH (or a path to one). */
export function onPath(tool: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const dirs = tool.includes('/') ? [''] : (env.PATH ?? '/usr/bin:/bin').split(delimiter);
  return dirs.some((dir) => {
    try {
      accessSync(dir ? join(dir, tool) : tool, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Throw one located error per missing tool, each naming its Debian package. */
export function requireTools(needs: readonly ToolNeed[], env: NodeJS.ProcessEnv = process.env): void {
  const seen = new Set<string>();
  const missing = needs.filter((n) => !seen.has(n.tool) && seen.add(n.tool) && !onPath(n.tool, env));
  if (missing.length === 0) return;
  throw new DiagnosticError(missing.map((n) => ({ file: n.tool, line: 0, col: 0, severity: 'error', message: `not found on PATH; install the Debian package ${n.pkg}` })));
}

/** Throw one located error per missing header file, each naming its Debian package. */
export function requireHeaders(needs: readonly { header: string; pkg: string }[]): void {
  const missing = needs.filter((n) => !existsSync(n.header));
  if (missing.length === 0) return;
  throw new DiagnosticError(missing.map((n) => ({ file: n.header, line: 0, col: 0, severity: 'error', message: `missing; the kernel's build tools need it: install the Debian package ${n.pkg}` })));
}

/** Run a tool to its end (or its timeout); never throws for a non-zero exit. */
export function runTool(cmd: string, args: readonly string[], opts: ToolOptions = {}): Promise<ToolResult> {
  const start = performance.now();
  const log = opts.logFile ? createWriteStream(opts.logFile) : undefined;
  return new Promise((resolve, reject) => {
    const out = opts.stdoutFile === undefined ? 'pipe' : openSync(opts.stdoutFile, 'w');
    // A bounded tool leads its own process group, so the timeout kills its children too.  An
    // unbounded one (make) stays in ours, so a Ctrl-C reaches it and its compilers.
    const bounded = opts.timeoutMs !== undefined;
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', out, 'pipe'], detached: bounded });
    if (typeof out === 'number') closeSync(out);
    const chunks: Buffer[] = [];
    const take = (b: Buffer) => {
      chunks.push(b);
      log?.write(b);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    let timedOut = false;
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, opts.timeoutMs);
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      log?.end();
      reject(err);
    });
    child.on('close', (status) => {
      if (timer) clearTimeout(timer);
      const done = () => resolve({ status, output: Buffer.concat(chunks).toString('utf8'), timedOut, seconds: (performance.now() - start) / 1000 });
      if (log) log.end(done);
      else done();
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
