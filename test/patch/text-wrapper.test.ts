/**
 * wrapText() against git's own strbuf_add_wrapped_text(), reached through
 * `git show --format=%w(width,indent1,indent2)%B` on a commit whose raw
 * message is the text (`git commit-tree` stores it untouched).  Negative
 * first indents (the Subject: line) are covered by the series tests.
 */
import { describe, expect, it } from 'vitest';
import { git } from '../../src/patch/git.js';
import { wrapText } from '../../src/patch/text-wrapper.js';
import { useTempDirs } from '../support/cli-run.js';

const { tmp } = useTempDirs('syswire-wrap-');

const WORDS = 'unwind: Add sframe register and unregister system calls for the dynamic linkers';
const CASES: [string, string, number, number, number][] = [
  ['shortlog, fits', 'arch: Wire up sframe_register() and sframe_unregister()', 2, 4, 72],
  ['shortlog, 70 characters exactly at the width', 'x'.repeat(35) + ' ' + 'y'.repeat(34), 2, 4, 72],
  ['shortlog, one over the width', 'x'.repeat(35) + ' ' + 'y'.repeat(35), 2, 4, 72],
  ['shortlog, several lines', `${WORDS} ${WORDS} ${WORDS}`, 2, 4, 72],
  ['a word longer than the width', `short ${'z'.repeat(90)} tail`, 2, 4, 72],
  ['double spaces at the break', `${'a'.repeat(68)}  b c`, 2, 4, 72],
  ['TAB rounds the column', 'a\tb\tc\td ' + 'e'.repeat(60), 0, 0, 40],
  ['LF before a letter joins, before punctuation breaks', 'one\ntwo\n- three\n\nfour', 0, 2, 30],
  ['narrow width', WORDS, 3, 1, 10],
];

describe('wrapText = strbuf_add_wrapped_text', () => {
  it.each(CASES)('%s', (_title, text, indent1, indent2, width) => {
    const dir = tmp();
    git(['init', '-q'], { cwd: dir });
    const commit = git(['commit-tree', '4b825dc642cb6eb9a060e54bf8d69288fbee4904'], { cwd: dir, input: text }).trim();
    const wrapped = git(['show', '-s', `--format=%w(${width},${indent1},${indent2})%B`, commit], { cwd: dir });
    expect(`${wrapText(text, indent1, indent2, width)}\n`).toBe(wrapped);
  });
});
