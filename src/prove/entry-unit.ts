/**
 * kernel/<series>-entry.c of the test kernel: the generated entry
 * skeleton (render/entry-skeleton.ts, the file `generate` writes as
 * <series>-entry.c) with the headers it needs to compile as a built-in
 * object: SYSCALL_DEFINEn, copy_struct_from_user(), COMPAT_SYSCALL_DEFINEn
 * when a call has a compat entry, and each struct's uapi header
 * (`include/uapi/linux/x.h` is `<uapi/linux/x.h>` to the kernel).  A
 * series with a Kconfig option of its own (`series.config`) gets the
 * object built under that option, which seriesConfig() turns on.
 */
import type { Defs } from '../model/defs-schema.js';
import type { PlannedCall } from '../plan/numbering.js';
import { renderTemplate } from '../render/engine.js';
import { renderEntrySkeletons } from '../render/entry-skeleton.js';
import type { ArchProfile } from './arch-profiles.js';
import type { EntryUnit } from './scratch-tree.js';

/** The arch's options plus the series' own Kconfig option, when it has one. */
export function seriesConfig(profile: ArchProfile, defs: Defs): ArchProfile {
  const config = defs.series.config;
  return config ? { ...profile, config: [...profile.config, { option: config.name, why: "the series' own option, which builds its entry points" }] } : profile;
}

export function entryUnit(defs: Defs, calls: readonly PlannedCall[]): EntryUnit {
  const includes = ['linux/syscalls.h', 'linux/uaccess.h', ...(calls.some((c) => c.compat) ? ['linux/compat.h'] : [])];
  for (const s of defs.structs) includes.push(s.header.replace(/^(?:arch\/[^/]+\/)?include\//, ''));
  const config = defs.series.config;
  return {
    path: `kernel/${defs.series.name}-entry.c`,
    makefileLine: `obj-${config ? `$(CONFIG_${config.name})` : 'y'} += ${defs.series.name}-entry.o`,
    content: renderTemplate('prove-entry-unit.c.hbs', { series: defs.series.name, includes: [...new Set(includes)], skeleton: renderEntrySkeletons(defs, calls) }),
  };
}
