/**
 * Run-time part of the generated bindings: the optional call layer, libc's
 * `syscall(2)` through koffi (loaded on first use, so the numbers and
 * codecs work without it).  A result of -1 becomes a SyscallError carrying
 * `errno` and its name (`ENOSYS`, ...).
 *
 * Provisional numbers (a series not merged yet) were free in the tree they
 * were numbered against; a newer kernel may have given them to another
 * syscall, so on a newer kernel the call is refused with ENOSYS rather than
 * made.  Copied into every generated module (see abi-detect.ts).
 */
import { createRequire } from 'node:module';
import { constants, release } from 'node:os';

declare type Abi = string;
declare const NUMBERING: { readonly provisional: boolean; readonly tree: string };
declare function detectAbi(): DetectedAbi;
declare interface DetectedAbi {
  readonly abi: Abi;
}

/** An argument: an integer, a buffer passed by address, or NULL. */
export type SyscallArg = number | bigint | Uint8Array | null;

/** A failed syscall: `errno` and its name as in <errno.h>. */
export class SyscallError extends Error {
  constructor(
    readonly syscall: string,
    readonly errno: number,
    readonly code: string,
    detail?: string,
  ) {
    super(`${syscall}: ${code} (errno ${errno})${detail ? `: ${detail}` : ''}`);
    this.name = 'SyscallError';
  }
}

interface Koffi {
  load(path: string): { func(signature: string): (...args: unknown[]) => number | bigint };
  errno(): number;
}

let libcSyscall: { koffi: Koffi; call: (...args: unknown[]) => number | bigint } | undefined;

function loadSyscall(): NonNullable<typeof libcSyscall> {
  if (libcSyscall) return libcSyscall;
  const koffi = createRequire(import.meta.url)('koffi') as Koffi;
  libcSyscall = { koffi, call: koffi.load('libc.so.6').func('long syscall(long nr, ...)') };
  return libcSyscall;
}

/** Name of an errno value, from Node's own table (os.constants.errno). */
export function errnoName(errno: number): string {
  return Object.entries(constants.errno).find(([, value]) => value === errno)?.[0] ?? `errno ${errno}`;
}

/** Is the running kernel newer than `version` (`6.12`)? */
function kernelNewerThan(version: string): boolean {
  const [major = 0, minor = 0] = release().split(/[.-]/).map(Number);
  const [baseMajor = 0, baseMinor = 0] = version.split('.').map(Number);
  return major > baseMajor || (major === baseMajor && minor > baseMinor);
}

/** Make syscall `name` with this ABI's number; returns the result or throws a SyscallError. */
export function callSyscall(name: string, numbers: Readonly<Record<Abi, number | null>>, args: readonly SyscallArg[], abi: DetectedAbi = detectAbi()): bigint {
  const enosys = constants.errno.ENOSYS;
  const nr = numbers[abi.abi];
  if (nr === null || nr === undefined) throw new SyscallError(name, enosys, 'ENOSYS', `not wired for ${abi.abi}`);
  if (NUMBERING.provisional && kernelNewerThan(NUMBERING.tree)) {
    throw new SyscallError(name, enosys, 'ENOSYS', `provisional number ${nr} was free in ${NUMBERING.tree}, not necessarily in ${release()}`);
  }
  const { koffi, call } = loadSyscall();
  const variadic = args.flatMap((arg): unknown[] => (arg === null || arg instanceof Uint8Array ? ['void *', arg] : ['long', arg]));
  const result = BigInt(call(nr, ...variadic));
  if (result === -1n) {
    const errno = koffi.errno();
    throw new SyscallError(name, errno, errnoName(errno));
  }
  return result;
}
