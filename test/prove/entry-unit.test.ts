// kernel/<series>-entry.c of prove's test kernel: the generated skeleton,
// unchanged, after the headers it needs to build as a built-in object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { assignNumbers } from '../../src/plan/numbering.js';
import { findArchProfile } from '../../src/prove/arch-profiles.js';
import { entryUnit, seriesConfig } from '../../src/prove/entry-unit.js';
import { renderEntrySkeletons } from '../../src/render/entry-skeleton.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, REPO_ROOT, TREE_73 } from '../support/kernel-trees.js';

describe('entryUnit', () => {
  const loaded = loadDefsFile('defs/sframe.yaml');
  const calls = assignNumbers(loadTree(TREE_73), loaded);
  const unit = entryUnit(loaded.defs, calls);

  it('is kernel/<series>-entry.c, built in', () => {
    expect(unit.path).toBe('kernel/sframe-entry.c');
    expect(unit.makefileLine).toBe('obj-y += sframe-entry.o');
  });

  it("is built under the series' own option when it has one, and the kernel config turns that on", () => {
    const text = readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8').replace('  skeleton: true\n', '  skeleton: true\n  config: { name: SFRAME_SYSCALLS, help: Build the sframe calls. }\n');
    const { defs } = loadDefinitions('defs/sframe.yaml', text);
    expect(entryUnit(defs, calls).makefileLine).toBe('obj-$(CONFIG_SFRAME_SYSCALLS) += sframe-entry.o');
    const x86 = findArchProfile('x86_64')!;
    expect(seriesConfig(x86, defs).config.at(-1)).toEqual({ option: 'SFRAME_SYSCALLS', why: "the series' own option, which builds its entry points" });
    expect(seriesConfig(x86, loaded.defs)).toBe(x86);
  });

  it('includes SYSCALL_DEFINEn, copy_struct_from_user() and the struct from its uapi header, then the skeleton as generate writes it', () => {
    const skeleton = renderEntrySkeletons(loaded.defs, calls);
    expect(unit.content).toBe(
      `// SPDX-License-Identifier: GPL-2.0\n/*\n * The entry points of the sframe series as \`syswire prove\` builds them\n * into its test kernel: the generated skeleton, with the headers it uses.\n */\n` +
        `#include <linux/syscalls.h>\n#include <linux/uaccess.h>\n#include <uapi/linux/sframe.h>\n\n${skeleton}`,
    );
  });
});
