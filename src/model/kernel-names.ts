/**
 * Names and paths the kernel's syscall wiring already uses.  A syscall
 * `<name>` becomes `__NR_<name>`, `sys_<name>` and `compat_sys_<name>`, so
 * some names would redefine a macro the tables rely on, and a struct
 * header must not be one of the files syswire edits to wire a call up.
 */

/** Syscall names whose `__NR_<name>` / `sys_<name>` the kernel already defines, and why. */
const TAKEN: Record<string, string> = {
  syscalls: '__NR_syscalls is the size of the generic table (asm-generic/unistd.h)',
  compat_syscalls: "__NR_compat_syscalls is the size of arm64's compat table",
  ni_syscall: 'sys_ni_syscall is the stub every unimplemented number points at',
  syscall: "__NR_syscall is the indirect syscall of mips o32 and arm's OABI",
  arch_specific_syscall: "__NR_arch_specific_syscall starts asm-generic's range for arch-private calls",
};

/** Why `name` cannot name a syscall, or undefined when it can. */
export function syscallNameProblem(name: string): string | undefined {
  const taken = TAKEN[name];
  if (taken) return `'${name}' collides with the kernel's own macros: ${taken}`;
  if (name.endsWith('_syscalls')) return `'${name}' collides with the kernel's own macros: __NR_<abi>_syscalls (x32, ia32, compat) are table sizes`;
  if (name.startsWith('compat_')) return `'${name}' starts with 'compat_', the kernel's prefix for compat entry points (compat_sys_<name>) and arm64's __NR_compat_<name>; name the syscall itself and set 'compat:'`;
  if (name.startsWith('__')) return `'${name}' starts with '__', which C reserves for the implementation and the kernel uses for its syscall wrappers (__x64_sys_<name>, __se_sys_<name>, __do_sys_<name>)`;
  return undefined;
}

/** The files syswire edits to wire a syscall up (src/kernel/kernel-tree.ts and the arm64 compat headers). */
const WIRED_FILES = ['include/uapi/asm-generic/unistd.h', 'include/linux/syscalls.h', 'include/linux/compat.h', 'kernel/sys_ni.c'];
const WIRED_PATTERNS = [/\.tbl$/, /^arch\/[^/]+\/include\/(uapi\/)?asm\/unistd[^/]*\.h$/];

/** Whether syswire itself edits `path` when it wires a call up. */
export function isWiredFile(path: string): boolean {
  return WIRED_FILES.includes(path) || WIRED_PATTERNS.some((re) => re.test(path));
}
