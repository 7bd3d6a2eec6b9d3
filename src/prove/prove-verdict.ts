/**
 * What a boot must show, ABI by ABI.  An ABI the series wires (the
 * bindings give every new call a number there) must pass every case of
 * every program: a skip there is the selftest finding the calls not wired
 * (ENOSYS everywhere), which is a failure of the wire-up.  An ABI the
 * series leaves out must skip every selftest case.  Every program must
 * have run to its end with its whole TAP plan, and the guest must have
 * reached the end of /init.
 */
import type { ConsoleRun, ProgramRun, TapCase } from './tap-parser.js';

export interface ExpectedProgram {
  abi: string;
  /** Guest path, as /init frames it. */
  path: string;
  kind: 'selftest' | 'probe';
  /** Whether the series wires every new call for this ABI. */
  wired: boolean;
}

export interface ProgramVerdict {
  expected: ExpectedProgram;
  run?: ProgramRun;
  counts: Record<TapCase['result'], number>;
  /** Why the program's result is not what the ABI must show; empty when it is. */
  problems: string[];
}

export function judgeProgram(expected: ExpectedProgram, run: ProgramRun | undefined): ProgramVerdict {
  const counts = { pass: 0, fail: 0, skip: 0, xfail: 0 };
  const problems: string[] = [];
  if (!run) return { expected, counts, problems: ['did not run (the guest never reached it)'] };
  for (const c of run.tap.cases) counts[c.result]++;
  if (run.status === undefined) problems.push('did not finish (the guest died or hung while it ran)');
  if (run.tap.plan === undefined) problems.push('printed no TAP plan');
  else if (run.tap.plan !== run.tap.cases.length) problems.push(`planned ${run.tap.plan} cases, reported ${run.tap.cases.length}`);
  if (run.tap.plan === 0) problems.push('has no cases');
  for (const c of run.tap.cases) {
    if (c.result === 'fail') problems.push(`case ${c.number} ${c.name} failed`);
    // The probe skips only calls it cannot probe; those are named in its own SKIP reason.
    else if (c.result === 'skip' && expected.kind === 'selftest' && expected.wired) problems.push(`case ${c.number} ${c.name} skipped on an ABI the series wires${c.reason ? ` (${c.reason})` : ''}`);
    else if (c.result !== 'skip' && expected.kind === 'selftest' && !expected.wired) problems.push(`case ${c.number} ${c.name} ${c.result === 'pass' ? 'passed' : 'ran'} on an ABI the series does not wire; it must skip`);
  }
  // 4 is KSFT_SKIP, the harness's exit when every case skipped.
  if (run.status !== undefined && run.status !== 0 && run.status !== 4 && problems.length === 0) problems.push(`exited with status ${run.status}`);
  return { expected, run, counts, problems };
}

/** Judge every expected program of one boot (a program the console never framed did not run). */
export function judgeBoot(expected: readonly ExpectedProgram[], boot: ConsoleRun): ProgramVerdict[] {
  return expected.map((e) => judgeProgram(e, boot.programs.find((p) => p.abi === e.abi && p.path === e.path)));
}
