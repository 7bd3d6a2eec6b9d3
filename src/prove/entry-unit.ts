/**
 * kernel/<series>-entry.c of the test kernel: the generated entry
 * skeleton (render/entry-skeleton.ts, the file `generate` writes as
 * <series>-entry.c) with the headers it needs to compile as a built-in
 * object: SYSCALL_DEFINEn, copy_struct_from_user(), COMPAT_SYSCALL_DEFINEn
 * when a call has a compat entry, and each struct's uapi header
 * (`include/uapi/linux/x.h` is `<uapi/linux/x.h>` to the kernel).
 */
import type { Defs } from '../model/defs-schema.js';
import type { PlannedCall } from '../plan/numbering.js';
import { renderTemplate } from '../render/engine.js';
import { renderEntrySkeletons } from '../render/entry-skeleton.js';
import type { EntryUnit } from './scratch-tree.js';

export function entryUnit(defs: Defs, calls: readonly PlannedCall[]): EntryUnit {
  const includes = ['linux/syscalls.h', 'linux/uaccess.h', ...(calls.some((c) => c.compat) ? ['linux/compat.h'] : [])];
  for (const s of defs.structs) includes.push(s.header.replace(/^(?:arch\/[^/]+\/)?include\//, ''));
  return {
    path: `kernel/${defs.series.name}-entry.c`,
    content: renderTemplate('prove-entry-unit.c.hbs', { series: defs.series.name, includes: [...new Set(includes)], skeleton: renderEntrySkeletons(defs, calls) }),
  };
}
