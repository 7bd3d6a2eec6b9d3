/**
 * Patch file names against `git format-patch -o`: the subject sanitized
 * (format_sanitized_subject) and the name cut to 57 characters before
 * `.patch`, with and without a reroll count.  (Mail bodies and headers are
 * compared with git whole in series-writer.test.ts.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../../src/patch/git.js';
import { patchFileName } from '../../src/patch/mail-writer.js';
import { useTempDirs } from '../support/cli-run.js';

const { tmp } = useTempDirs('syswire-name-');

const SUBJECTS = [
  'unwind: Add sframe_(un)register() system calls',
  'arch: Wire up sframe_register() and sframe_unregister()',
  'x86/entry: Add... the "sframe" calls -- (v3) !!',
  '...leading dots and trailing dots...',
  'a..b...c....d',
  '!!!',
  'abcdefghij abcdefghij abcdefghij abcdefghij abcdefg hij x',
  'abcdefghij abcdefghij abcdefghij abcdefghij abcdefghi. jx',
  'x'.repeat(100),
  'under_score and MiXeD CaSe 123',
];

describe('patchFileName = git format-patch file names', () => {
  it.each(SUBJECTS.flatMap((s) => [1, 3].map((v): [string, number] => [s, v])))('%s (v%i)', (subject, version) => {
    const dir = tmp();
    git(['init', '-q'], { cwd: dir });
    const tree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
    const base = git(['commit-tree', tree], { cwd: dir, input: 'base\n' }).trim();
    git(['update-index', '--add', '--cacheinfo', `100644,${git(['hash-object', '-w', '--stdin'], { cwd: dir, input: 'x\n' }).trim()},f`], { cwd: dir });
    const head = git(['commit-tree', git(['write-tree'], { cwd: dir }).trim(), '-p', base], { cwd: dir, input: `${subject}\n` }).trim();
    git(['format-patch', '-q', '-o', 'out', ...(version > 1 ? [`-v${version}`] : []), `${base}..${head}`], { cwd: dir });
    expect([patchFileName(version, 1, subject)]).toEqual(readdirSync(join(dir, 'out')));
  });
});
