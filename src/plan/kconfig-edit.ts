/**
 * The series' Kconfig option (`series.config`), in init/Kconfig or the
 * named file.  Placement is learnt from the file: after the last option
 * whose prompt names a system call or syscall (CACHESTAT_SYSCALL in 6.12
 * and 7.3, in the "standard kernel features (expert users)" menu), taking
 * that option's prompt condition (`if EXPERT`) as well; in a file without
 * one, at the end.  The option ties the `configurable` calls to it: their
 * code is built by `obj-$(CONFIG_<name>)` (render/kconfig-option.ts) and
 * their kernel/sys_ni.c COND_SYSCALL stubs answer when it is off.
 */
import { parseKconfig, type KconfigEntry } from '../kernel/kconfig-reader.js';
import type { LoadedDefs } from '../model/defs-loader.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { renderKconfigOption, renderObjectLine } from '../render/kconfig-option.js';
import { insertLines, type FileEdit } from './file-edit.js';
import type { PlannedCall } from './numbering.js';

const SYSCALL_PROMPT = /\b(?:system calls?|syscalls?)\b/;

export function planKconfigEdit(loaded: LoadedDefs, calls: readonly PlannedCall[], readTreeFile: (path: string) => string | undefined, problems: Diagnostic[]): FileEdit | undefined {
  const config = loaded.defs.series.config;
  if (!config) return undefined;
  const tied = calls.filter((c) => c.def.configurable).map((c) => c.def.name);
  if (tied.length === 0) {
    problems.push(loaded.error(['series', 'config', 'name'], `CONFIG_${config.name} would configure nothing out: no syscall is 'configurable: true'`));
    return undefined;
  }
  const source = readTreeFile(config.file);
  if (source === undefined) {
    problems.push(loaded.error(['series', 'config', 'file'], `no ${config.file} in this tree`));
    return undefined;
  }
  const kconfig = parseKconfig(config.file, source);
  // Already there (a tree the series was applied to): nothing to add.
  if (kconfig.entries.some((e) => e.name === config.name)) return undefined;
  const anchor = lastSyscallOption(kconfig.entries);
  const lines = renderKconfigOption(config, { calls: tied, ...(anchor?.prompt?.condition ? { condition: anchor.prompt.condition } : {}) });
  const after = anchor ? anchor.end : kconfig.text.lines.length - 1;
  return { path: config.file, before: source, after: insertLines(source, [{ after, lines: ['', ...lines] }]) };
}

function lastSyscallOption(entries: readonly KconfigEntry[]): KconfigEntry | undefined {
  return entries.filter((e) => e.prompt && SYSCALL_PROMPT.test(e.prompt.text)).pop();
}

/**
 * The Makefile line the patch cannot add (the implementation is the
 * author's file, not part of the wire-up), as a note at `series.config`.
 */
export function kconfigNotes(loaded: LoadedDefs): Diagnostic[] {
  const obj = renderObjectLine(loaded.defs.series);
  if (!obj) return [];
  const message = `build the implementation with '${obj.line}' in ${obj.makefile}; with CONFIG_${loaded.defs.series.config!.name} off, kernel/sys_ni.c's COND_SYSCALL stubs return -ENOSYS`;
  return [{ ...loaded.error(['series', 'config', 'name'], message), severity: 'note' }];
}
