// Definition knobs on the real 6.12 tree: excluded tables keep the number,
// per-table ABI overrides (YAML's numeric `64` included), placement hints,
// and a struct added to an existing uapi header with SIZE_VER0/VER1 and
// flag constants.
import { describe, expect, it } from 'vitest';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_612 } from '../support/kernel-trees.js';

const tree = loadTree(TREE_612);
const plan = planWireUp(tree, loadDefsFile('test/fixtures/existing-header.yaml'), (p) => readTreeFile(TREE_612, p));
const after = (path: string) => plan.edits.find((e) => e.path === path)?.after;

describe('overrides and existing headers', () => {
  it('keeps the number in excluded tables with a sys_ni_syscall row (test/plan/exclusions.test.ts has the details)', () => {
    expect(after('arch/alpha/kernel/syscalls/syscall.tbl')).toMatch(/\n573\tcommon\tmount_frob\t\t\tsys_ni_syscall\n$/);
    expect(plan.edits.filter((e) => e.path.endsWith('.tbl'))).toHaveLength(17);
  });

  it('applies per-table ABI overrides', () => {
    expect(after('arch/powerpc/kernel/syscalls/syscall.tbl')).toContain('\n463\tnospu\tmount_frob\t\t\tsys_mount_frob\n');
    expect(after('arch/x86/entry/syscalls/syscall_64.tbl')).toContain('\n463\t64\tmount_frob\t\tsys_mount_frob\n');
  });

  it('puts the prototype after the hinted one', () => {
    expect(after('include/linux/syscalls.h')).toMatch(/asmlinkage long sys_open_tree\([^;]*;\nasmlinkage long sys_mount_frob\(int dfd, struct mount_frob_args __user \*uargs,\n\t\t\t       size_t usize\);\n/);
  });

  it('adds the struct before the closing #endif of the existing header', () => {
    const header = after('include/uapi/linux/mount.h')!;
    const before = readTreeFile(TREE_612, 'include/uapi/linux/mount.h')!;
    expect(header.startsWith(before.slice(0, before.lastIndexOf('#endif')))).toBe(true);
    expect(header).toContain('struct mount_frob_args {\n\t__u64 flags;\n\t__u32 fd;\n\t__u32 spare;\n\t__aligned_u64 extra;\n};\n');
    expect(header).toContain('#define MOUNT_FROB_ARGS_SIZE_VER0 16 /* sizeof first published struct */\n#define MOUNT_FROB_ARGS_SIZE_VER1 24 /* sizeof second published struct */\n');
    expect(header).toContain('#define MOUNT_FROB_RECURSIVE (1ULL << 0) /* also the submounts */\n#define MOUNT_FROB_HIGH (1ULL << 40) /* a bit above 32 */\n');
    expect(header.endsWith('#endif /* _UAPI_LINUX_MOUNT_H */\n')).toBe(true);
  });
});
