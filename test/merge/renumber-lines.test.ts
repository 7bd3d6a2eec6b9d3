import { describe, expect, it } from 'vitest';
import { addedNames, highestNumber, isAppendBlock, renumberAfter } from '../../src/merge/renumber-lines.js';
import { fileKind, mergeSyscallFile } from '../../src/merge/syscall-merge.js';

describe('renumberAfter', () => {
  it.each([
    ['tab after the number', ['463\tcommon\tfoo\t\t\t\tsys_foo'], 466, ['467\tcommon\tfoo\t\t\t\tsys_foo']],
    ['s390 space padding keeps the column', ['99   common\tfoo\tsys_foo'], 466, ['467  common\tfoo\tsys_foo']],
    ['split 32/64 rows keep sharing a number', ['463\t32\tfoo\tsys_foo32', '463\t64\tfoo\tsys_foo', '464\tcommon\tbar\tsys_bar'], 470, ['471\t32\tfoo\tsys_foo32', '471\t64\tfoo\tsys_foo', '472\tcommon\tbar\tsys_bar']],
    ['reserved comments move too', ['# 463 reserved for foo'], 466, ['# 467 reserved for foo']],
  ])('table: %s', (_title, given, last, want) => {
    expect(renumberAfter('table', given, last)).toEqual(want);
  });

  it('unistd: defines renumbered, other lines kept', () => {
    const block = ['', '#define __NR_foo 463', '__SYSCALL(__NR_foo, sys_foo)'];
    expect(isAppendBlock('unistd', block)).toBe(true);
    expect(renumberAfter('unistd', block, 466)).toEqual(['', '#define __NR_foo 467', '__SYSCALL(__NR_foo, sys_foo)']);
    expect(addedNames('unistd', block)).toEqual(['foo']);
    expect(highestNumber('unistd', block)).toBe(463);
  });

  it('a block with other content is not an append block', () => {
    expect(isAppendBlock('table', ['garbage row'])).toBe(false);
    expect(isAppendBlock('unistd', ['int x;'])).toBe(false);
  });
});

describe('mergeSyscallFile', () => {
  const base = '1\tcommon\ta\tsys_a\n';
  it('keeps upstream rows and renumbers the branch after them, whichever side upstream is', () => {
    const up = `${base}2\tcommon\tu\tsys_u\n3\tcommon\tv\tsys_v\n`;
    const branch = `${base}2\tcommon\tb\tsys_b\n`;
    const want = `${up}4\tcommon\tb\tsys_b\n`;
    expect(mergeSyscallFile({ kind: 'table', base, ours: up, theirs: branch, upstream: 'ours' })).toMatchObject({ clean: true, text: want });
    expect(mergeSyscallFile({ kind: 'table', base, ours: branch, theirs: up, upstream: 'theirs' })).toMatchObject({ clean: true, text: want });
  });

  it('leaves a call added on both sides to git', () => {
    const ours = `${base}2\tcommon\tu\tsys_u\n`;
    const theirs = `${base}2\tcommon\tu\tsys_u2\n`;
    const outcome = mergeSyscallFile({ kind: 'table', base, ours, theirs, upstream: 'ours' });
    expect(outcome.clean).toBe(false);
    expect(outcome.text).toContain('<<<<<<< ours');
    expect(outcome.reasons[0]).toMatch(/both sides add u/);
  });

  it('classifies files', () => {
    expect(fileKind('arch/x86/entry/syscalls/syscall_64.tbl', '')).toBe('table');
    expect(fileKind('include/uapi/asm-generic/unistd.h', '#define __NR_read 63\n')).toBe('unistd');
    expect(fileKind('include/linux/syscalls.h', '')).toBe('text');
  });
});
