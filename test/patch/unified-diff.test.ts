// diffEdits() against real git: every case is diffed in process and by
// git-diff-oracle.ts (`git diff` of two trees in a scratch repository), and
// the two outputs must be byte-identical.  The cases are the wire-ups
// syswire really makes on 6.12 and 6.1, then hand-written corners of
// git's rules (sliders and the indent heuristic, hunk merging, function
// names, missing final newlines, new/deleted/empty/binary files, path
// order and quoting).  test/patch/line-diff-fuzz.test.ts fuzzes the rest.
import { describe, expect, it } from 'vitest';
import { diffEditsWithGit } from '../../src/patch/git-diff-oracle.js';
import { diffEdits, diffFileChanges, type FileChange } from '../../src/patch/unified-diff.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_61, TREE_612 } from '../support/kernel-trees.js';

const same = (changes: FileChange[]) => {
  const want = diffEditsWithGit(changes);
  expect(diffFileChanges(changes)).toBe(want);
  return want;
};

describe('real wire-ups diff exactly as git does', () => {
  const wireUps: [string, string, string][] = [
    ['sframe on 6.12', TREE_612, 'defs/sframe.yaml'],
    ['sframe v2 on 6.12', TREE_612, 'defs/sframe-v2.yaml'],
    ['xattrat on 6.12', TREE_612, 'test/fixtures/xattrat.yaml'],
    ['compat call on 6.12', TREE_612, 'test/fixtures/compat-call.yaml'],
    ['sframe on 6.1', TREE_61, 'defs/sframe.yaml'],
    ['451-462 replayed on 6.1', TREE_61, 'test/fixtures/replay-451-462.yaml'],
  ];
  it.each(wireUps)('%s', (_title, dir, defs) => {
    const plan = planWireUp(loadTree(dir), loadDefsFile(defs), (p) => readTreeFile(dir, p));
    expect(plan.edits.length).toBeGreaterThan(10);
    const want = same(plan.edits);
    expect(diffEdits(plan.edits)).toBe(want);
    expect(want.match(/^diff --git /gm)).toHaveLength(plan.edits.length);
  });
});

const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
const fn = (name: string, ...body: string[]) => lines(`static int ${name}(void)`, '{', ...body.map((b) => `\t${b}`), '}');
const numbered = (n: number, from = 1) => lines(...Array.from({ length: n }, (_, i) => `\tline ${i + from};`));
const long = (n: number) => 'x'.repeat(n);
const deep = (tabs: number) => `${'\t'.repeat(tabs)}d${tabs}`;

// [title, before, after] for one file f.c.
const CONTENT_CASES: [string, string | undefined, string | undefined][] = [
  ['insert a function after a function (slider over "}" and blank)', fn('a', 'return 1;') + '\n' + fn('c', 'return 3;'), fn('a', 'return 1;') + '\n' + fn('b', 'return 2;') + '\n' + fn('c', 'return 3;')],
  ['insert a duplicate next to identical lines', lines('a', 'b', 'b', 'c'), lines('a', 'b', 'b', 'b', 'c')],
  // One block added or removed (line-diff.ts answers these without xdiff when the block cannot slide).
  ['one block added mid-file, fixed in place', numbered(20), numbered(20).replace('\tline 10;\n', '\tline 10;\n\tnew a;\n\tnew b;\n')],
  ['one block added whose last line equals the line before it', numbered(20), numbered(20).replace('\tline 10;\n', '\tline 10;\n\tnew;\n\tline 10;\n')],
  ['one block added whose first line equals the line after it', numbered(20), numbered(20).replace('\tline 10;\n', '\tline 10;\n\tline 11;\n\tnew;\n')],
  ['one block removed, fixed in place', numbered(20), numbered(20).replace('\tline 7;\n\tline 8;\n', '')],
  ['one block removed next to a line equal to its first', lines('a', 'b', 'x', 'b', 'c'), lines('a', 'b', 'c')],
  ['one block added at the top', numbered(8), lines('first') + numbered(8)],
  ['one block added at the end', numbered(8), numbered(8) + lines('last', 'after last')],
  ['one block added before a last line without newline', 'a\nb\nc', 'a\nb\nnew\nc'],
  ['insert a blank line among blank lines', lines('a', '', '', 'b', '', 'c'), lines('a', '', '', '', 'b', '', 'c')],
  ['insert an if-block inside nested code', lines('int f(void)', '{', '\tif (a) {', '\t\tx();', '\t}', '', '\treturn 0;', '}'), lines('int f(void)', '{', '\tif (a) {', '\t\tx();', '\t}', '', '\tif (b) {', '\t\ty();', '\t}', '', '\treturn 0;', '}')],
  ['append a struct member after a nested struct', lines('struct s {', '\tstruct {', '\t\tint a;', '\t} in;', '\tint b;', '};'), lines('struct s {', '\tstruct {', '\t\tint a;', '\t} in;', '\tint b;', '\tint c;', '};')],
  ['insert a block that repeats its neighbours', lines('x', '}', '', 'y', '}', '', 'z'), lines('x', '}', '', 'y', '}', '', 'y', '}', '', 'z')],
  ['delete a block with repeated lines', lines('a', '}', '', 'b', '}', '', 'c', '}', '', 'd'), lines('a', '}', '', 'c', '}', '', 'd')],
  ['replace one line', numbered(10), numbered(10).replace('line 5;', 'line five;')],
  ['changes 6 unchanged lines apart share a hunk', numbered(30), numbered(30).replace('line 5;', 'five').replace('line 12;', 'twelve')],
  ['changes 7 unchanged lines apart get two hunks', numbered(30), numbered(30).replace('line 5;', 'five').replace('line 13;', 'thirteen')],
  ['changes on lines 1, 2 and the last line', numbered(12), numbered(12).replace('line 1;', 'one').replace('line 2;', 'two').replace('line 12;', 'twelve')],
  ['the last line loses its newline', lines('a', 'b', 'c'), 'a\nb\nc'],
  ['the last line gains its newline', 'a\nb\nc', lines('a', 'b', 'c')],
  ['both sides lack a final newline, last line changed', 'a\nb\nc', 'a\nb\nd'],
  ['unchanged last line without newline as context', 'a\nb\nc\nd', 'a\nB\nc\nd'],
  ['a line appended after a last line without newline', 'a\nb', 'a\nb\nc'],
  ['empty file gets content', '', lines('a', 'b')],
  ['content emptied', lines('a', 'b'), ''],
  ['new file', undefined, lines('#include <linux/types.h>', '', 'int x;')],
  ['new empty file', undefined, ''],
  ['new file without final newline', undefined, 'only'],
  ['deleted file', lines('a', 'b'), undefined],
  ['deleted empty file', '', undefined],
  ['function name: nearest identifier line before the context', lines('int first(void)', '{', ...Array.from({ length: 10 }, (_, i) => `\tx${i}();`), '}'), lines('int first(void)', '{', ...Array.from({ length: 10 }, (_, i) => (i === 7 ? '\tchanged();' : `\tx${i}();`)), '}')],
  ['function name: none before the first hunk, then the one between hunks', numbered(4) + lines('between_hunks:') + numbered(20, 5), numbered(4).replace('line 2;', 'two') + lines('between_hunks:') + numbered(20, 5).replace('line 20;', 'twenty')],
  ['function name: a later hunk repeats a name found before the previous one', lines('outer(void)') + numbered(30), lines('outer(void)') + numbered(30).replace('line 8;', 'eight').replace('line 25;', 'twentyfive')],
  ['function name: the line inside the first hunk context is used by the next', numbered(3) + lines('mid_name') + numbered(20, 4), numbered(3).replace('line 2;', 'two') + lines('mid_name') + numbered(20, 4).replace('line 18;', 'eighteen')],
  ['function name: $ and _ start one, # and digits and spaces do not', lines('$vms', '_under', '#define X', '9lives', ' spaced', 'a', 'b', 'c', 'd'), lines('$vms', '_under', '#define X', '9lives', ' spaced', 'a', 'b', 'c', 'D')],
  ['function name: a line starting with $', lines('$vms', '#x', 'a', 'b', 'c', 'd'), lines('$vms', '#x', 'a', 'b', 'c', 'D')],
  ['function name: cut at 80 bytes, trailing blanks trimmed', lines(`${long(76)}   \t x`, ...'abcdefgh'.split('')), lines(`${long(76)}   \t x`, ...'abcdefgH'.split(''))],
  ['function name: trailing TAB, CR trimmed, form feed kept', lines('name\t\r', 'form\f', 'a', 'b', 'c', 'd'), lines('name\t\r', 'form\f', 'a', 'b', 'c', 'D')],
  ['function name: a UTF-8 character cut by the 80-byte limit', lines(`${long(79)}é`, 'a', 'b', 'c', 'd'), lines(`${long(79)}é`, 'a', 'b', 'c', 'D')],
  ['function name: U+FFFF ends it', lines(`fn ${long(20)}\uffffrest`, 'a', 'b', 'c', 'd'), lines(`fn ${long(20)}\uffffrest`, 'a', 'b', 'c', 'D')],
  ['function name: non-ASCII first character is not a name', lines('éx', 'a', 'b', 'c', 'd'), lines('éx', 'a', 'b', 'c', 'D')],
  ['non-ASCII and U+FFFE content', lines('ünï', 'a\ufffeb', 'c'), lines('ünï', 'a\ufffeb', 'ç')],
  ['lone surrogates are written as U+FFFD', lines('a\ud800', 'b'), lines('a\udc00', 'c')],
  ['a CR inside and at the end of lines', lines('a\rb', 'c\r', 'd'), lines('a\rb', 'c\r', 'e\r')],
  ['a NUL in the first 8000 bytes makes it binary', lines('a\0b'), lines('a\0c')],
  ['a new binary file', undefined, 'x\0y'],
  ['a NUL after 8000 bytes stays text', lines(long(8000), 'a\0b'), lines(long(8000), 'a\0c')],
  ['many repeated lines among unique ones (cleanup_records)', lines(...Array.from({ length: 200 }, (_, i) => (i % 3 ? '}' : `u${i}`))), lines(...Array.from({ length: 200 }, (_, i) => (i % 3 ? '}' : i % 7 ? `u${i}` : `v${i}`)))],
  ['slider at the top of the file (START_OF_FILE_PENALTY decides)', lines('\t\t}', '}', deep(27), '', '\t\t\t\tz', deep(27)), lines('\t\t}', '}', deep(27), '', '\t\t}', '}', deep(27), '', '\t\t\t\tz', deep(27))],
  ['slider between lines indented past 200 columns (MAX_INDENT)', lines(deep(27), '   ', '   ', deep(25)), lines(deep(27), '   ', '   ', deep(25), '   ', '   ', deep(25))],
  ['slider next to a form feed line (\\f is not blank to git)', lines('a', '\f', 'b', '', 'a', '\f', 'c'), lines('a', '\f', 'b', '', 'a', '\f', 'b', '', 'a', '\f', 'c')],
  ['cleanup_records looks only between the trimmed ends', lines('', '   ', 'a', '', deep(27), '', ''), lines('', '   ', 'a', '', deep(27), '', 'u0', '', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7')],
  ['whole file rewritten', numbered(40), lines(...Array.from({ length: 40 }, (_, i) => `other ${i}`))],
  ['unchanged file is left out', lines('a'), lines('a')],
];

describe('hand-written cases diff exactly as git does', () => {
  it.each(CONTENT_CASES)('%s', (_title, before, after) => {
    const want = same([{ path: 'f.c', before, after }]);
    expect(want === '').toBe(before === after);
  });

  it('the sliders land where the indent heuristic puts them', () => {
    // Guard against a vacuous oracle: the inserted function is shown whole,
    // not as "}\n\nstatic int b..." shifted by one line.
    const want = same([{ path: 'f.c', before: CONTENT_CASES[0]![1], after: CONTENT_CASES[0]![2] }]);
    expect(want).toContain('+static int b(void)\n+{\n+\treturn 2;\n+}\n+\n');
  });
});

describe('file-level rules match git', () => {
  const edit = (path: string): FileChange => ({ path, before: 'old\n', after: 'new\n' });

  it('orders files as git walks trees (a-b < a.c < a/b < a0, UTF-8 byte order)', () => {
    const out = same(['z', 'a0', 'a/b', 'a.c', 'a-b', 'A', 'é', 'a/c/d-e', 'a/c-d', 'a/b-c', 'b/a', '\u{1f600}', '\uff01'].map(edit));
    expect(out.indexOf('a/a-b')).toBeLessThan(out.indexOf('a/a/b'));
  });

  it('quotes control characters, quotes and backslashes; a space gets a trailing TAB', () => {
    same(['tab\there', 'quo"te', 'back\\slash', 'sp ace', 'ctl\x01\x7f', 'new\nline'].map(edit));
  });

  it('mixes new, deleted, modified and unchanged files', () => {
    same([
      { path: 'include/uapi/linux/new.h', before: undefined, after: lines('#define NEW 1') },
      { path: 'gone.c', before: lines('x'), after: undefined },
      { path: 'kept.c', before: lines('same'), after: lines('same') },
      { path: 'arch/x86/entry/syscalls/syscall_64.tbl', before: numbered(10), after: numbered(11) },
      { path: 'empty', before: undefined, after: '' },
    ]);
  });

  it('uses the last edit when a path is edited twice', () => {
    same([edit('f'), { path: 'f', before: 'first\n', after: 'second\n' }]);
  });

  it('returns nothing for no edits', () => {
    expect(diffEdits([])).toBe('');
    expect(diffEditsWithGit([])).toBe('');
  });
});
