// The console reader of `syswire prove`: TAP as the kselftest harness
// prints it, framed per program by /init, through a serial console.
import { describe, expect, it } from 'vitest';
import { parseConsole, parseTap } from '../../src/prove/tap-parser.js';

const HARNESS = [
  'TAP version 13',
  '1..4',
  '# Starting 4 tests from 1 test cases.',
  '#  RUN           global.size_too_small ...',
  '#            OK  global.size_too_small',
  'ok 1 global.size_too_small',
  'not ok 2 global.flags_refused',
  'ok 3 global.not_wired # SKIP sframe_register is not wired (ENOSYS)',
  'not ok 4 global.known_bug # XFAIL waits for v4',
  '# FAILED: 1 / 4 tests passed.',
  '# Totals: pass:1 fail:1 xfail:1 xpass:0 skip:1 error:0',
];

describe('parseTap', () => {
  const tap = parseTap(HARNESS);

  it.each([
    [1, 'global.size_too_small', 'pass', undefined],
    [2, 'global.flags_refused', 'fail', undefined],
    [3, 'global.not_wired', 'skip', 'sframe_register is not wired (ENOSYS)'],
    [4, 'global.known_bug', 'xfail', 'waits for v4'],
  ] as const)('case %i %s is a %s', (number, name, result, reason) => {
    expect(tap.cases[number - 1]).toEqual({ number, name, result, ...(reason ? { reason } : {}) });
  });

  it('reads the plan and keeps the diagnostics without their `# `', () => {
    expect(tap.plan).toBe(4);
    expect(tap.diagnostics).toContain('Totals: pass:1 fail:1 xfail:1 xpass:0 skip:1 error:0');
    expect(tap.diagnostics).toHaveLength(5);
  });

  it('has no plan when none was printed, and numbers unnumbered cases in order', () => {
    const t = parseTap(['ok first', 'not ok second']);
    expect(t.plan).toBeUndefined();
    expect(t.cases.map((c) => [c.number, c.name, c.result])).toEqual([
      [1, 'first', 'pass'],
      [2, 'second', 'fail'],
    ]);
  });
});

describe('parseConsole', () => {
  const log = [
    'SeaBIOS (version 1.16.2-debian-1.16.2-1)',
    // SeaBIOS's last words and terminal resets share the line of the first frame.
    'Booting from ROM..\x1bc\x1b[?7l\x1b[2Jsyswire-prove: begin x86_64 /tests/x86_64/probe',
    ...HARNESS.slice(0, 3),
    'ok 1 header.sframe_register',
    'syswire-prove: end x86_64 /tests/x86_64/probe status 0',
    'syswire-prove: begin i386 /tests/i386/probe',
    'TAP version 13',
    '1..2',
    'ok 1 header.sframe_register',
  ].join('\r\n');

  it('splits the log per program, CR LF line ends and the firmware banner dropped', () => {
    const run = parseConsole(`${log}\r\n`);
    expect(run.programs.map((p) => [p.abi, p.path, p.status])).toEqual([
      ['x86_64', '/tests/x86_64/probe', 0],
      ['i386', '/tests/i386/probe', undefined],
    ]);
    expect(run.programs[0]!.lines[0]).toBe('TAP version 13');
    expect(run.programs[0]!.tap.cases).toEqual([{ number: 1, name: 'header.sframe_register', result: 'pass' }]);
  });

  it('a guest that died mid-program leaves that program without a status and the run not done', () => {
    const run = parseConsole(log);
    expect(run.done).toBe(false);
    expect(run.programs[1]!.tap.plan).toBe(2);
    expect(run.programs[1]!.status).toBeUndefined();
  });

  it('is done when /init printed its last line', () => {
    expect(parseConsole(`${log}\nsyswire-prove: end i386 /tests/i386/probe status 1\nsyswire-prove: done\nreboot: Restarting system\n`)).toMatchObject({ done: true, programs: [{ status: 0 }, { status: 1 }] });
  });
});
