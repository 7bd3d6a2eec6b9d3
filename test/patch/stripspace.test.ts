/** stripspace() against `git stripspace`. */
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { git } from '../../src/patch/git.js';
import { stripspace } from '../../src/patch/stripspace.js';

const CASES: [string, string][] = [
  ['empty', ''],
  ['only blank lines', '\n\n  \n\t\n'],
  ['one line without LF', 'subject'],
  ['subject and body', 'subject\n\nbody\n'],
  ['leading and trailing blank lines', '\n\n\nsubject\n\n\nbody\n\n\n'],
  ['trailing spaces, TABs and CRs', 'a  \nb\t\t\nc\r\nd \t\r \n'],
  ['runs of blank lines in the middle', 'a\n\n\n\n\nb\n \n\t\nc'],
  ['leading whitespace is kept', '  indented\n\tTAB\n'],
  ['form feed and vertical tab are not whitespace to git', 'a\f\nb\v\n\f\n'],
  ['non-ASCII text and NBSP', 'Weißschuh\u00a0\n\n\u00a0\n'],
];

describe('stripspace = git stripspace', () => {
  it.each(CASES)('%s', (_title, text) => {
    expect(stripspace(text)).toBe(git(['stripspace'], { cwd: tmpdir(), input: text }));
  });
});
