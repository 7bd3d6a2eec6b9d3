/**
 * uapi-header: a uapi header syscalls use must include <linux/types.h>
 * itself when it uses the fixed-width uapi types (__u64, __s32, __le16,
 * ...): userspace includes it alone, so types it would only get from
 * whatever the kernel happened to include first break there.  A new uapi
 * header must also start with an SPDX line; like checkpatch.pl, the SPDX
 * check is for new files only (6.12's include/uapi/linux/mount.h, the
 * header of struct mount_attr, has none and predates the rule).
 *
 * Checked: the headers that define a struct named by a prototype of the
 * shared range, and the headers given in the context (the ones a patch
 * adds or changes).
 */
import { structsUsed } from '../kernel/syscalls-h-reader.js';
import { sharedRange } from './shared-range.js';
import type { Finding, LintContext } from './lint-finding.js';

const UAPI_TYPE = /\b__(?:[us](?:8|16|32|64)|(?:le|be)(?:16|32|64)|kernel_\w+)\b/;
const TYPES_INCLUDE = /^#\s*include\s*<linux\/types\.h>/m;
const SPDX = /SPDX-License-Identifier:/;

/** uapi headers that define a struct some shared-range syscall takes. */
function argumentHeaders(ctx: LintContext): string[] {
  const { tree } = ctx;
  const lines = tree.syscallsH.text.lines;
  const names = new Set(sharedRange(tree).map((c) => `sys_${c.name}`));
  const protos = tree.syscallsH.prototypes.filter((p) => names.has(p.entry));
  const structs = new Set(protos.flatMap((p) => structsUsed([lines.slice(p.first, p.last + 1).join(' ')])));
  return ctx.findStructHeaders([...structs]);
}

export function checkUapiHeaders(ctx: LintContext): Finding[] {
  const findings: Finding[] = [];
  const added = new Set(ctx.uapiHeaders.filter((h) => h.added).map((h) => h.path));
  const paths = [...new Set([...ctx.uapiHeaders.map((h) => h.path), ...argumentHeaders(ctx)])].sort();
  for (const path of paths) {
    const text = ctx.readFile(path);
    if (text === undefined) continue;
    const lines = text.split('\n');
    const error = (line: number, message: string, col = 1) => findings.push({ file: path, line, col, severity: 'error', message, rule: 'uapi-header' });
    if (added.has(path) && !lines.slice(0, 2).some((l) => SPDX.test(l))) error(1, 'new uapi header without an SPDX-License-Identifier line (first line: /* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */)');
    const use = lines.findIndex((l) => UAPI_TYPE.test(l));
    if (use >= 0 && !TYPES_INCLUDE.test(text)) {
      const type = UAPI_TYPE.exec(lines[use]!)!;
      error(use + 1, `uapi header uses ${type[0]} but does not include <linux/types.h>`, type.index + 1);
    }
  }
  return findings;
}
