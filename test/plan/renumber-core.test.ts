/**
 * The renumbering rule and the lines it rewrites, as the merge driver and
 * `renumber --patches` use them.
 */
import { describe, expect, it } from 'vitest';
import { consecutiveNumbers, parseListLine, renumberBlock, type ListKind, type ListLine } from '../../src/plan/renumber-core.js';

const parse = (kind: ListKind, lines: readonly string[]) => lines.map((l) => parseListLine(kind, l));
const block = (kind: ListKind, lines: readonly string[]) => parse(kind, lines) as ListLine[];

describe('consecutiveNumbers', () => {
  it('maps the distinct old numbers, ascending, to first, first + 1, ...', () => {
    expect([...consecutiveNumbers([464, 463, 464, 470], 467)]).toEqual([[463, 467], [464, 468], [470, 469]]);
  });
});

describe('renumberBlock', () => {
  it.each([
    ['tab after the number', ['463\tcommon\tfoo\t\t\t\tsys_foo'], 466, ['467\tcommon\tfoo\t\t\t\tsys_foo']],
    ['s390 space padding keeps the column', ['99   common\tfoo\tsys_foo'], 466, ['467  common\tfoo\tsys_foo']],
    ['split 32/64 rows keep sharing a number', ['463\t32\tfoo\tsys_foo32', '463\t64\tfoo\tsys_foo', '464\tcommon\tbar\tsys_bar'], 470, ['471\t32\tfoo\tsys_foo32', '471\t64\tfoo\tsys_foo', '472\tcommon\tbar\tsys_bar']],
    ['reserved comments move too', ['# 463 reserved for foo'], 466, ['# 467 reserved for foo']],
    ['trailing blanks and comments are kept', ['', '# new calls', '463\tcommon\tfoo\tsys_foo\t'], 466, ['', '# new calls', '467\tcommon\tfoo\tsys_foo\t']],
  ])('table: %s', (_title, given, last, want) => {
    expect(renumberBlock(block('table', given), last + 1)).toEqual(want);
  });

  it('unistd: defines renumbered, other lines kept', () => {
    const lines = ['', '/* fs/foo.c */', '#define __NR_foo 463', '__SYSCALL(__NR_foo, sys_foo)'];
    const parsed = parse('unistd', lines);
    expect(parsed.every((l) => l !== undefined)).toBe(true);
    expect(renumberBlock(parsed as ListLine[], 467)).toEqual(['', '/* fs/foo.c */', '#define __NR_foo 467', '__SYSCALL(__NR_foo, sys_foo)']);
    expect(parsed.flatMap((l) => l?.name ?? [])).toEqual(['foo']);
    expect(parsed.flatMap((l) => l?.nr ?? [])).toEqual([463]);
  });
});

describe('parseListLine', () => {
  it.each([
    ['table', 'garbage row'],
    ['table', '463\tcommon'],
    ['unistd', 'int x;'],
    ['unistd', '#undef __NR_syscalls'],
  ] as const)('%s: refuses %j', (kind, line) => {
    expect(parseListLine(kind, line)).toBeUndefined();
  });

  it('names the syscall a row adds, not a reserved comment', () => {
    expect(parseListLine('table', '463\tcommon\tfoo\tsys_foo')).toMatchObject({ nr: 463, name: 'foo' });
    expect(parseListLine('table', '# 463 reserved for foo')).toMatchObject({ nr: 463 });
    expect(parseListLine('table', '# 463 reserved for foo')?.name).toBeUndefined();
  });
});
