// What each ABI's programs must show: passes where the series wires the
// calls, skips where it does not, whole TAP plans, finished programs.
import { describe, expect, it } from 'vitest';
import { judgeProgram, type ExpectedProgram } from '../../src/prove/prove-verdict.js';
import { parseTap, type ProgramRun } from '../../src/prove/tap-parser.js';

const selftest = (wired: boolean): ExpectedProgram => ({ abi: 'i386', path: '/tests/i386/sframe_test', kind: 'selftest', wired });
/** `status` null: the end frame never came. */
const run = (lines: string[], status: number | null = 0): ProgramRun => ({ abi: 'i386', path: '/tests/i386/sframe_test', lines, tap: parseTap(lines), ...(status === null ? {} : { status }) });

describe('judgeProgram', () => {
  it.each([
    ['every case passes where the series wires the calls', selftest(true), run(['1..2', 'ok 1 a', 'ok 2 b']), []],
    ['every case skips where it does not (the harness exits KSFT_SKIP)', selftest(false), run(['1..1', 'ok 1 a # SKIP not wired'], 4), []],
    ['a failed case', selftest(true), run(['1..2', 'ok 1 a', 'not ok 2 b'], 1), ['case 2 b failed']],
    ['a skip on a wired ABI: the selftest found ENOSYS everywhere', selftest(true), run(['1..1', 'ok 1 a # SKIP ENOSYS'], 4), ['case 1 a skipped on an ABI the series wires (ENOSYS)']],
    ['a pass where the series wires nothing', selftest(false), run(['1..1', 'ok 1 a']), ['case 1 a passed on an ABI the series does not wire; it must skip']],
    ['fewer cases than planned', selftest(true), run(['1..3', 'ok 1 a']), ['planned 3 cases, reported 1']],
    ['no plan', selftest(true), run(['ok 1 a']), ['printed no TAP plan']],
    ['a program the guest never finished', selftest(true), run(['1..1', 'ok 1 a'], null), ['did not finish (the guest died or hung while it ran)']],
    ['a clean TAP stream with a failing exit status', selftest(true), run(['1..1', 'ok 1 a'], 127), ['exited with status 127']],
  ])('%s', (_title, expected, given, problems) => {
    expect(judgeProgram(expected, given).problems).toEqual(problems);
  });

  it('a program the console never framed did not run', () => {
    expect(judgeProgram(selftest(true), undefined).problems).toEqual(['did not run (the guest never reached it)']);
  });

  it('counts results', () => {
    expect(judgeProgram(selftest(true), run(['1..3', 'ok 1 a', 'not ok 2 b', 'ok 3 c # SKIP x'])).counts).toEqual({ pass: 1, fail: 1, skip: 1, xfail: 0 });
  });
});
