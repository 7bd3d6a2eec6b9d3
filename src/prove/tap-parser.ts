/**
 * The guest's serial console, read back: /init (templates/prove-init.c.hbs)
 * frames each test program's output between
 *
 *     syswire-prove: begin <abi> <path>
 *     syswire-prove: end <abi> <path> status <exit status>
 *
 * and prints `syswire-prove: done` before it reboots.  Between the frames
 * is TAP as the kselftest harness prints it (TAP version 13):
 *
 *     1..N                          the plan
 *     ok 3 global.name              a pass
 *     ok 4 global.name # SKIP why   a skip (directive after `#`)
 *     not ok 5 global.name          a failure (`# XFAIL` makes it expected)
 *     # anything                    a diagnostic
 *
 * A serial console ends lines with CR LF, the firmware leaves terminal
 * escapes before the first frame, and a kernel message can land on a line
 * of its own anywhere; all are tolerated.
 */

export type TapResult = 'pass' | 'fail' | 'skip' | 'xfail';

export interface TapCase {
  number: number;
  name: string;
  result: TapResult;
  /** The directive's text after SKIP/XFAIL/TODO, if any. */
  reason?: string;
}

export interface TapStream {
  /** The `1..N` count; undefined when the program printed no plan. */
  plan?: number;
  cases: TapCase[];
  /** `# ...` lines, without the `# `. */
  diagnostics: string[];
}

/** One test program's run, as framed by /init. */
export interface ProgramRun {
  abi: string;
  path: string;
  /** Exit status; undefined when the end frame never came (the guest died or hung). */
  status?: number;
  /** The TAP lines between the frames, as printed. */
  lines: string[];
  tap: TapStream;
}

export interface ConsoleRun {
  programs: ProgramRun[];
  /** Whether /init reached its end (`syswire-prove: done`). */
  done: boolean;
}

const CASE = /^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?([^#]*?)\s*(?:#\s*(\w+)\b\s*(.*))?$/;
// Not anchored at the start: the firmware's last output (SeaBIOS' "Booting from ROM.." and its
// terminal resets) shares the line /init's first frame is printed on.
const BEGIN = /syswire-prove: begin (\S+) (\S+)$/;
const END = /syswire-prove: end (\S+) (\S+) status (\d+)$/;
const DONE = /syswire-prove: done$/;
/** ANSI escape sequences (CSI sequences and two-byte escapes such as ESC c, the terminal reset). */
const ESCAPES = /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b[@-Z\\-_a-z]/g;

/** Parse one TAP stream. */
export function parseTap(lines: readonly string[]): TapStream {
  const stream: TapStream = { cases: [], diagnostics: [] };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const plan = /^1\.\.(\d+)\b/.exec(line);
    if (plan) {
      stream.plan = Number(plan[1]);
      continue;
    }
    const m = CASE.exec(line);
    if (m) {
      stream.cases.push(tapCase(m, stream.cases.length + 1));
      continue;
    }
    if (line.startsWith('#')) stream.diagnostics.push(line.replace(/^#\s?/, ''));
  }
  return stream;
}

function tapCase(m: RegExpExecArray, next: number): TapCase {
  const directive = m[4]?.toUpperCase();
  const ok = m[1] === 'ok';
  const result: TapResult = directive === 'SKIP' ? 'skip' : directive === 'XFAIL' || (directive === 'TODO' && !ok) ? 'xfail' : ok ? 'pass' : 'fail';
  const reason = directive && m[5] ? m[5].trim() : undefined;
  return { number: m[2] ? Number(m[2]) : next, name: m[3]!, result, ...(reason ? { reason } : {}) };
}

/** Split a console log into the framed program runs. */
export function parseConsole(text: string): ConsoleRun {
  const programs: ProgramRun[] = [];
  let current: { abi: string; path: string; lines: string[] } | undefined;
  let done = false;
  const close = (status?: number) => {
    if (!current) return;
    programs.push({ ...current, ...(status === undefined ? {} : { status }), tap: parseTap(current.lines) });
    current = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(ESCAPES, '').replace(/\r+$/, '').replace(/^\r+/, '');
    const begin = BEGIN.exec(line);
    const end = END.exec(line);
    if (begin) {
      close();
      current = { abi: begin[1]!, path: begin[2]!, lines: [] };
    } else if (end && current && end[1] === current.abi && end[2] === current.path) {
      close(Number(end[3]));
    } else if (DONE.test(line)) {
      close();
      done = true;
    } else if (current) {
      current.lines.push(line);
    }
  }
  close();
  return { programs, done };
}
