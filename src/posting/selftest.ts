/**
 * The series' kselftest (pure): tools/testing/selftests/<series>/ with
 * <series>_test.c (kselftest_harness.h), the Makefile in the selftests'
 * own style (cachestat's), .gitignore, the `config` fragment, and the
 * directory added to TARGETS in tools/testing/selftests/Makefile.
 *
 * The test checks only what the definition states (adding-syscalls.rst,
 * kernel-conventions §2): for a size-extensible struct argument, size 0 and
 * below <NAME>_SIZE_VER0 give EINVAL, above PAGE_SIZE E2BIG, a larger struct
 * with a non-zero tail E2BIG, a NULL struct EFAULT; unknown flag bits
 * EINVAL.  The file name is stable: `syswire prove` runs it in the guest.
 */
import type { Defs, StructDef, SyscallDef } from '../model/defs-schema.js';
import { parseSelftestsMakefile } from '../kernel/selftests-makefile-reader.js';
import { insertLines, type FileEdit } from '../plan/file-edit.js';
import type { PlannedCall } from '../plan/numbering.js';
import { renderTemplate } from '../render/engine.js';
import { splitDeclaration } from '../render/entry-skeleton.js';
import { upper } from '../render/helpers.js';
import { TYPE_SIZE } from '../model/struct-layout.js';

export const SELFTESTS_MAKEFILE = 'tools/testing/selftests/Makefile';

/** Where the series' test program lives in a tree (prove reads it there). */
export function selftestPath(series: string): string {
  return `tools/testing/selftests/${series}/${series}_test.c`;
}

interface CaseView {
  title: string;
  args: string[];
  setup: string[];
  buffer: boolean;
  tail: string;
  /** Expected errno, or '' for a call the contract accepts. */
  errno: string;
}

interface CallView {
  name: string;
  params: string[];
  paramNames: string[];
  struct: string;
  probe: string[] | false;
  cases: CaseView[];
}

/** The selftest's files and the TARGETS edit; `read` gives tree files. */
export function planSelftest(defs: Defs, calls: readonly PlannedCall[], read: (path: string) => string | undefined): FileEdit[] {
  const series = defs.series.name;
  const program = `${series}_test`;
  const dir = `tools/testing/selftests/${series}`;
  const views = calls.map((c) => callView(c.def, defs.structs));
  const last = views[views.length - 1]!;
  const view = {
    names: calls.map((c) => c.def.name),
    firstName: calls[0]!.def.name,
    headers: [...new Set(defs.structs.map((s) => s.header.replace(/^include\/uapi\//, '')))],
    calls: views,
    past: last.probe ? { name: last.name, struct: last.struct, probe: last.probe } : false,
  };
  const options = defs.series.config ? [defs.series.config.name] : [];
  const edits: FileEdit[] = [
    { path: `${dir}/.gitignore`, before: undefined, after: renderTemplate('selftest/gitignore.hbs', { program }) },
    { path: `${dir}/Makefile`, before: undefined, after: renderTemplate('selftest/Makefile.hbs', { program }) },
    { path: selftestPath(series), before: undefined, after: renderTemplate('selftest/test.c.hbs', view) },
  ];
  // Without a Kconfig option in the definition nothing needs enabling: no fragment.
  if (options.length > 0) edits.push({ path: `${dir}/config`, before: undefined, after: renderTemplate('selftest/config.hbs', { options }) });
  const targets = addTarget(read(SELFTESTS_MAKEFILE), series);
  if (targets) edits.push(targets);
  return edits.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `TARGETS += <series>` before the first target that sorts after it (outside its `ifneq` guard). */
function addTarget(source: string | undefined, series: string): FileEdit | undefined {
  if (source === undefined) return undefined;
  const file = parseSelftestsMakefile(source);
  if (file.targets.length === 0 || file.targets.some((t) => t.name === series)) return undefined;
  const next = file.targets.find((t) => t.name > series);
  const after = next ? (next.guard ?? next.line) - 1 : file.targets[file.targets.length - 1]!.line;
  return { path: SELFTESTS_MAKEFILE, before: source, after: insertLines(source, [{ after, lines: [`TARGETS += ${series}`] }]) };
}

function callView(def: SyscallDef, structs: readonly StructDef[]): CallView {
  const params = def.args.map(splitDeclaration);
  const ext = def.extensible;
  const structParam = ext ? params.find((p) => p.name === ext.struct_arg) : undefined;
  const struct = structParam ? structs.find((s) => structParam.type.includes(`struct ${s.name} `)) : undefined;
  const flagsArg = params.find((p) => p.name === 'flags' && !p.type.includes('*'));
  // Arguments for a case: the named ones given, every other one 0.
  const argsWith = (given: Record<string, string>) => params.map((p) => given[p.name] ?? (p.type.includes('*') ? 'NULL' : '0'));
  const base = { setup: [], buffer: false, tail: '' };
  const cases: CaseView[] = [];
  let probe: string[] | false = false;
  if (ext && struct) {
    const ptr = { [ext.struct_arg]: '&args' };
    const ver0 = `${upper(struct.name)}_SIZE_VER0`;
    const size = (s: string, p: Record<string, string> = ptr) => argsWith({ ...p, [ext.size_arg]: s });
    probe = size('0');
    cases.push(
      { ...base, title: 'size_zero', args: size('0'), errno: 'EINVAL' },
      { ...base, title: 'size_below_ver0', args: size(`${ver0} - 1`), errno: 'EINVAL' },
      { ...base, title: 'size_above_page', args: size('getpagesize() + 1'), errno: 'E2BIG' },
      { ...base, title: 'larger_nonzero_tail', buffer: true, tail: '1', args: size('sizeof(buf)', { [ext.struct_arg]: '(void *)buf' }), errno: 'E2BIG' },
      { ...base, title: 'null_struct', args: size('sizeof(args)', { [ext.struct_arg]: 'NULL' }), errno: 'EFAULT' },
    );
    if (ext.flags_field) {
      const field = struct.fields.find((f) => f.name === ext.flags_field);
      const wide = field !== undefined && TYPE_SIZE[field.type] === 8;
      cases.push({ ...base, title: 'unknown_flags', setup: [`args.${ext.flags_field} = ${unknownBits(struct, wide)}`], args: size('sizeof(args)'), errno: 'EINVAL' });
    }
    cases.push(
      { ...base, title: 'valid_size', args: size('sizeof(args)'), errno: '' },
      { ...base, title: 'larger_zero_tail', buffer: true, args: size('sizeof(buf)', { [ext.struct_arg]: '(void *)buf' }), errno: '' },
    );
  } else if (flagsArg) {
    probe = argsWith({ flags: '~0U' });
    cases.push({ ...base, title: 'unknown_flags', args: probe, errno: 'EINVAL' });
  }
  return {
    name: def.name,
    params: params.map((p) => {
      const type = p.type.replace(/\s*\b__user\b\s*/g, ' ').trim();
      return `${type}${type.endsWith('*') ? '' : ' '}${p.name}`;
    }),
    paramNames: params.map((p) => p.name),
    struct: struct?.name ?? '',
    probe,
    cases: probe ? cases : [],
  };
}

/** Every bit no flag of the struct defines, in the field's width. */
function unknownBits(struct: StructDef, wide: boolean): string {
  const mask = struct.flags.map((f) => f.name).join(' | ');
  const all = wide ? '~0ULL' : '~0U';
  return mask === '' ? all : `~(${wide ? '__u64' : '__u32'})(${mask})`;
}
