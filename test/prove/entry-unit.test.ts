// kernel/<series>-entry.c of prove's test kernel: the generated skeleton,
// unchanged, after the headers it needs to build as a built-in object.
import { describe, expect, it } from 'vitest';
import { assignNumbers } from '../../src/plan/numbering.js';
import { entryUnit } from '../../src/prove/entry-unit.js';
import { renderEntrySkeletons } from '../../src/render/entry-skeleton.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, TREE_73 } from '../support/kernel-trees.js';

describe('entryUnit', () => {
  const loaded = loadDefsFile('defs/sframe.yaml');
  const calls = assignNumbers(loadTree(TREE_73), loaded);
  const unit = entryUnit(loaded.defs, calls);

  it('is kernel/<series>-entry.c', () => {
    expect(unit.path).toBe('kernel/sframe-entry.c');
  });

  it('includes SYSCALL_DEFINEn, copy_struct_from_user() and the struct from its uapi header, then the skeleton as generate writes it', () => {
    const skeleton = renderEntrySkeletons(loaded.defs, calls);
    expect(unit.content).toBe(
      `// SPDX-License-Identifier: GPL-2.0\n/*\n * The entry points of the sframe series as \`syswire prove\` builds them\n * into its test kernel: the generated skeleton, with the headers it uses.\n */\n` +
        `#include <linux/syscalls.h>\n#include <linux/uaccess.h>\n#include <uapi/linux/sframe.h>\n\n${skeleton}`,
    );
  });
});
