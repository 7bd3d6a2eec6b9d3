/**
 * The struct index must answer exactly what the on-demand grep answers,
 * and lint must find the same with it as without it.
 */
import { describe, expect, it } from 'vitest';
import { diskContext, grepStructHeaders, lintTree } from '../../src/lint/lint-tree.js';
import { indexStructHeaders } from '../../src/lint/struct-header-index.js';
import { loadTree, TREE_612 } from '../support/kernel-trees.js';

describe('struct header index (6.12)', () => {
  it('covers the structs syscalls.h names, with the same headers grep finds one by one', () => {
    const { structs, index } = indexStructHeaders(TREE_612);
    for (const name of ['clone_args', 'mount_attr', 'open_how', 'cachestat_range', 'lsm_ctx']) {
      expect(structs.has(name)).toBe(true);
      expect(index.get(name) ?? []).toEqual(grepStructHeaders(TREE_612, [name]));
    }
    expect(index.get('open_how')).toEqual(['include/uapi/linux/openat2.h']);
  });

  it('lint --tree finds the same with the index as with on-demand grep', () => {
    const tree = loadTree(TREE_612);
    expect(lintTree(diskContext(tree, TREE_612, indexStructHeaders(TREE_612)))).toEqual(lintTree(diskContext(tree, TREE_612)));
  });

  it('a tree without syscalls.h gives an empty index', () => {
    expect(indexStructHeaders('/nonexistent-syswire-tree')).toEqual({ structs: new Set(), index: new Map() });
  });
});
