/**
 * Object ids against git: blobs (`git hash-object`), trees (`git
 * update-index --cacheinfo` + `git write-tree`, every subtree listed by
 * `git ls-tree -r -t`) and commits (`git commit-tree`); and the
 * abbreviation rule on hand-made ids.
 */
import { describe, expect, it } from 'vitest';
import { git } from '../../src/patch/git.js';
import { parseGitDate } from '../../src/patch/git-date-parser.js';
import { abbreviateId, hashBlob, hashCommit, hashTrees, NULL_OID } from '../../src/patch/git-objects.js';
import { useTempDirs } from '../support/cli-run.js';

const { tmp } = useTempDirs('syswire-obj-');

function repo(): string {
  const dir = tmp();
  git(['init', '-q'], { cwd: dir });
  return dir;
}

describe('git object ids', () => {
  it.each([['empty', ''], ['text', 'a\nb\n'], ['no final newline', 'x'], ['non-ASCII', 'Weißschuh ✓\n']])('blob: %s', (_t, text) => {
    expect(hashBlob(text)).toBe(git(['hash-object', '--stdin'], { cwd: repo(), input: text }).trim());
  });

  const TREES: [string, string[]][] = [
    ['empty', []],
    ['one file', ['a']],
    ['directories sort as if they ended in /', ['a-b/x', 'a/x', 'a.c', 'a/b/c', 'a0', 'a/b.c', 'ab']],
    ['kernel paths', ['arch/x86/entry/syscalls/syscall_64.tbl', 'arch/x86/entry/syscalls/syscall_32.tbl', 'include/uapi/asm-generic/unistd.h', 'kernel/sys_ni.c', 'scripts/syscall.tbl']],
  ];
  it.each(TREES)('trees: %s', (_t, paths) => {
    const dir = repo();
    const files = new Map(paths.map((p) => [p, hashBlob(`${p}\n`)]));
    for (const [p, id] of files) git(['update-index', '--add', '--info-only', '--cacheinfo', `100644,${id},${p}`], { cwd: dir });
    const root = git(['write-tree', '--missing-ok'], { cwd: dir }).trim();
    const written = new Set<string>();
    expect(hashTrees(files, written)).toBe(root);
    const subtrees = git(['ls-tree', '-r', '-t', root], { cwd: dir }).split('\n').filter((l) => / tree /.test(l)).map((l) => l.split(/\s/)[2]!);
    expect([...written].sort()).toEqual([...new Set([root, ...subtrees])].sort());
  });

  it('commit: root and child, as git commit-tree writes them', () => {
    const dir = repo();
    const author = { name: 'A U Thor', email: 'a@example.org', date: parseGitDate('Thu, 4 Jun 2026 10:00:00 -0400')! };
    const committer = { name: 'C O Mitter', email: 'c@example.org', date: parseGitDate('@1780000000 +0530')! };
    const env = { GIT_AUTHOR_NAME: 'A U Thor', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_AUTHOR_DATE: 'Thu, 4 Jun 2026 10:00:00 -0400', GIT_COMMITTER_NAME: 'C O Mitter', GIT_COMMITTER_EMAIL: 'c@example.org', GIT_COMMITTER_DATE: '@1780000000 +0530' };
    const tree = hashTrees(new Map());
    const root = git(['commit-tree', tree], { cwd: dir, input: 'base\n', env }).trim();
    expect(hashCommit({ tree, author, committer, message: 'base\n' })).toBe(root);
    const message = 'subject\n\nbody with ü\n';
    expect(hashCommit({ tree, parent: root, author, committer, message })).toBe(git(['commit-tree', tree, '-p', root], { cwd: dir, input: message, env }).trim());
  });
});

describe('abbreviateId: the rule of find_unique_abbrev (the series tests check it against git)', () => {
  const id = 'abcdef0123456789abcdef0123456789abcdef01';
  const CASES: [string, string, number, string[], string][] = [
    ['alone', id, 7, [id], 'abcdef0'],
    ['another object shares fewer digits', id, 7, [id, 'abcdef1000000000000000000000000000000000'], 'abcdef0'],
    ['another object shares 7 digits', id, 7, [id, 'abcdef0000000000000000000000000000000000'], 'abcdef01'],
    ['the longest shared prefix wins', id, 7, [id, 'abcdef0100000000000000000000000000000000', 'abcdef0123400000000000000000000000000000'], 'abcdef012345'],
    ['longer than asked only when needed', id, 12, [id, 'abcdef0100000000000000000000000000000000'], 'abcdef012345'],
    ['40 is the full id', id, 40, [id], id],
    ['the null id against an object of zeros', NULL_OID, 7, [`${'0'.repeat(9)}1${'2'.repeat(30)}`], '0'.repeat(10)],
  ];
  it.each(CASES)('%s', (_t, target, len, objects, want) => {
    expect(abbreviateId(target, len, objects)).toBe(want);
  });
});
