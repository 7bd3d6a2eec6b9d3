import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { loadKernelTree, treeFileReader } from '../../src/kernel/tree-loader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { planSelftest, selftestPath } from '../../src/posting/selftest.js';
import { REPO_ROOT, TREE_612, TREE_73, requireTree } from '../support/kernel-trees.js';
import { join } from 'node:path';

function selftestFor(treePath: string) {
  const tree = loadKernelTree(requireTree(treePath));
  const file = join(REPO_ROOT, 'defs/sframe.yaml');
  const loaded = loadDefinitions(file, readFileSync(file, 'utf8'));
  const read = treeFileReader(tree.root);
  const plan = planWireUp(tree, loaded, read);
  return planSelftest(loaded.defs, plan.calls, read);
}

describe('planSelftest', () => {
  it.each([TREE_612, TREE_73])('writes the test directory and a TARGETS line in sorted place (%s)', (treePath) => {
    const edits = selftestFor(treePath);
    expect(edits.map((e) => e.path)).toEqual(['tools/testing/selftests/Makefile', 'tools/testing/selftests/sframe/.gitignore', 'tools/testing/selftests/sframe/Makefile', selftestPath('sframe')]);
    const makefile = edits[0]!.after.split('\n');
    const at = makefile.indexOf('TARGETS += sframe');
    expect(makefile.slice(at - 1, at + 2)).toEqual(['TARGETS += seccomp', 'TARGETS += sframe', 'TARGETS += sgx']);
    expect(edits[0]!.after.replace('TARGETS += sframe\n', '')).toBe(edits[0]!.before);
    expect(edits[2]!.after).toBe('# SPDX-License-Identifier: GPL-2.0\nCFLAGS += -Wall $(KHDR_INCLUDES)\n\nTEST_GEN_PROGS := sframe_test\n\ninclude ../lib.mk\n');
  });

  it('checks the size contract, the flags, a NULL struct and the number past the last call', () => {
    const test = selftestFor(TREE_73).find((e) => e.path === selftestPath('sframe'))!.after;
    expect(test).toMatch(/^\/\/ SPDX-License-Identifier: GPL-2\.0\n/);
    expect(test).toContain('#include <linux/sframe.h>\n');
    expect(test).toContain('#include "../kselftest_harness.h"\n');
    expect(test).toContain('\treturn syscall(__NR_sframe_register, data, size);\n');
    expect(test).toContain('static long sys_sframe_unregister(struct sframe_setup *data, size_t size)\n');
    for (const [name, call, errno] of [
      ['size_zero', 'sys_sframe_register(&args, 0)', 'EINVAL'],
      ['size_below_ver0', 'sys_sframe_register(&args, SFRAME_SETUP_SIZE_VER0 - 1)', 'EINVAL'],
      ['size_above_page', 'sys_sframe_register(&args, getpagesize() + 1)', 'E2BIG'],
      ['larger_nonzero_tail', 'sys_sframe_register((void *)buf, sizeof(buf))', 'E2BIG'],
      ['null_struct', 'sys_sframe_register(NULL, sizeof(args))', 'EFAULT'],
      ['unknown_flags', 'sys_sframe_register(&args, sizeof(args))', 'EINVAL'],
    ]) {
      const body = new RegExp(`TEST\\(sframe_register_${name}\\)\\n\\{\\n[^}]*ret = ${call.replace(/[()*&+]/g, '\\$&')};\\n\\tEXPECT_EQ\\(-1, ret\\);\\n\\tEXPECT_EQ\\(${errno}, errno\\);\\n\\}`);
      expect(test).toMatch(body);
    }
    expect(test).toContain('\targs.flags = ~0ULL;\n');
    expect(test).toContain('\tret = syscall(__NR_sframe_unregister + 1, &args, 0);\n\tEXPECT_EQ(-1, ret);\n\tEXPECT_EQ(ENOSYS, errno);\n');
    expect(test).toContain('SKIP(return, "sframe_unregister() is not wired in this kernel (ENOSYS)");');
    expect(test).toContain(' * Behaviour tests: write them here.');
    expect(test.endsWith('\nTEST_HARNESS_MAIN\n')).toBe(true);
  });
});
