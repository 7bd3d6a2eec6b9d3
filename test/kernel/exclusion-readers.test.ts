// The readers behind exclusions and Kconfig options, on the real trees:
// what scripts/checksyscalls.sh ignores and compares with, and where
// init/Kconfig's entries start and end.
import { describe, expect, it } from 'vitest';
import { alwaysIgnored, CHECKSYSCALLS, parseChecksyscalls } from '../../src/kernel/checksyscalls-reader.js';
import { parseKconfig } from '../../src/kernel/kconfig-reader.js';
import { TreeError } from '../../src/kernel/tree-guard.js';
import { readTreeFile, TREE_61, TREE_612, TREE_73 } from '../support/kernel-trees.js';

describe.each([
  ['6.1', TREE_61],
  ['6.12', TREE_612],
  ['7.3', TREE_73],
])('checksyscalls.sh of %s', (version, root) => {
  const source = readTreeFile(root, CHECKSYSCALLS)!;
  const script = parseChecksyscalls(CHECKSYSCALLS, source);

  it('finds the ignore list, its defines and the reference table', () => {
    const lines = source.split('\n');
    expect(lines[script.list.start]).toBe('cat << EOF');
    expect(lines[script.list.end]).toBe('EOF');
    // Every `#define __IGNORE_` line of the file is one entry.
    expect(script.ignores.length).toBe(lines.filter((l) => l.startsWith('#define __IGNORE_')).length);
    expect(script.referenceTable).toBe('arch/x86/entry/syscalls/syscall_32.tbl');
  });

  it('tells conditional entries from the ones that always hold', () => {
    const always = alwaysIgnored(script);
    expect(always.has('open')).toBe(true);
    // Inside #ifndef __ARCH_WANT_MEMFD_SECRET, #ifndef CONFIG_MMU and #if BITS_PER_LONG == 64.
    for (const name of ['memfd_secret', 'madvise', 'sendfile64']) expect(always.has(name), name).toBe(false);
    // 6.12 moved __IGNORE_fstat out of the 64-bit block into a paragraph of its own.
    expect(always.has('fstat')).toBe(version !== '6.1');
  });
});

describe('checksyscalls.sh reader errors', () => {
  it('names the file when the ignore list is missing or unterminated', () => {
    expect(() => parseChecksyscalls(CHECKSYSCALLS, 'echo hi\n')).toThrow(new TreeError(CHECKSYSCALLS, 0, "no 'cat << EOF' ignore list found"));
    expect(() => parseChecksyscalls(CHECKSYSCALLS, 'x\ncat << EOF\n#define __IGNORE_a\n')).toThrow(/^scripts\/checksyscalls\.sh:2: error: the ignore list has no closing 'EOF' line$/);
  });
});

describe.each([
  ['6.12', TREE_612],
  ['7.3', TREE_73],
])('init/Kconfig of %s', (_version, root) => {
  const source = readTreeFile(root, 'init/Kconfig')!;
  const kconfig = parseKconfig('init/Kconfig', source);
  const lines = source.split('\n');

  it('reads every config and menuconfig entry with its prompt', () => {
    expect(kconfig.entries.length).toBe(lines.filter((l) => /^(menu)?config \w+$/.test(l)).length);
    const cachestat = kconfig.entries.find((e) => e.name === 'CACHESTAT_SYSCALL')!;
    expect(cachestat.prompt).toEqual({ text: 'Enable cachestat() system call', condition: 'EXPERT' });
    expect(kconfig.entries.find((e) => e.name === 'RSEQ_SLICE_EXTENSION' || e.name === 'RSEQ')!.prompt!.text).toMatch(/rseq/);
  });

  it('ends an entry at its last non-blank line, help paragraphs included', () => {
    for (const e of kconfig.entries) {
      expect(lines[e.end]!.trim(), e.name).not.toBe('');
      const rest = lines.slice(e.end + 1);
      const next = rest.findIndex((l) => l.trim() !== '');
      // What follows is blank up to a line in column 0, or the end of the file.
      if (next >= 0) expect(rest[next], e.name).toMatch(/^\S/);
    }
  });
});
