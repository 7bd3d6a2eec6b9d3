/**
 * Every condition in-process-gate.ts lists sends formatSeries to real
 * git: for each, formatSeries reports the git route with the reason, and
 * its result (files, or the error) is what formatSeriesWithGit gives.
 * Where git's output shows why the subset stops there (quoting, RFC 2047
 * encoding, a binary patch), the test checks that too.
 */
import { describe, expect, it } from 'vitest';
import type { CommitSpec, SeriesSpec } from '../../src/patch/format-patch.js';
import { formatSeries, formatSeriesWithGit } from '../../src/patch/format-patch.js';
import { inProcessBlocker } from '../../src/patch/in-process-gate.js';
import { useTempDirs } from '../support/cli-run.js';
import { gitScratchTree } from '../support/git-tree.js';
import { TREE_612 } from '../support/kernel-trees.js';
import { AUTHOR, edit, lines, patch, seriesSpec, spec } from '../support/series-spec.js';

const { defer } = useTempDirs('syswire-gate-');

const one = (extra: Partial<Extract<CommitSpec, { kind: 'edits' }>> = {}, series: Partial<SeriesSpec> = {}) =>
  spec([patch('gate: One patch', [edit('lib/a.c', lines(3, 'a'), lines(4, 'a'))], extra)], series);
const by = (name: string, email = AUTHOR.email, date = AUTHOR.date) => ({ author: { name, email, date } });

const CASES: [string, () => SeriesSpec, RegExp, ((text: string) => void)?][] = [
  ['the tree is a git repository', () => {
    const tree = gitScratchTree(TREE_612);
    defer(tree.cleanup);
    return seriesSpec('defs/sframe.yaml', TREE_612, {}, tree.root);
  }, /^the tree is a git repository$/],
  ['a user-written patch', () => seriesSpec('test/fixtures/series/sframe-split.yaml', TREE_612, { userPatches: true }), /^user patch sframe-entry-points\.patch$/],
  ['no patches', () => spec([]), /^no patches$/],
  ['version 0', () => one({}, { version: 0 }), /^version 0$/],
  ['abbrev 5', () => one({}, { abbrev: 5 }), /^abbrev 5$/],
  ['abbrev 41', () => one({}, { abbrev: 41 }), /^abbrev 41$/],
  ['a subject prefix with a bracket', () => one({}, { subjectPrefix: 'PATCH]' }), /^subject prefix/],
  ['a name with RFC 822 specials', () => one(by('A. U. Thor')), /^identity/, (t) => expect(t).toContain('From: "A. U. Thor" <')],
  ['a non-ASCII name', () => one(by('Thomas Weißschuh')), /^identity/, (t) => expect(t).toMatch(/^From: =\?UTF-8\?q\?/m)],
  ['an email with a character outside the subset', () => one(by('A U Thor', 'a!b@example.org')), /^identity/],
  ['a From: line longer than 78 columns', () => one(by('A Very Long Name Indeed With Many Parts To It', 'a.very.long.address@example.org')), /too long for one From: line/],
  ['a committer outside the subset', () => one({}, { committer: { ...AUTHOR, name: 'Committer, The' } }), /^identity/],
  ['a date git cannot parse', () => one(by('A U Thor', AUTHOR.email, 'the day after tomorrow')), /^date/],
  ['an ISO date (git parses it, the subset does not)', () => one(by('A U Thor', AUTHOR.email, '2026-06-04 10:00:00 -0400')), /^date/, (t) => expect(t).toContain('Date: Thu, 4 Jun 2026 10:00:00 -0400')],
  ['a weekday that is not the date\'s', () => one(by('A U Thor', AUTHOR.email, 'Fri, 4 Jun 2026 10:00:00 -0400')), /^date/],
  ['a 31 February', () => one(by('A U Thor', AUTHOR.email, 'Tue, 31 Feb 2026 10:00:00 +0000')), /^date/],
  ['a date before the epoch in UTC', () => one(by('A U Thor', AUTHOR.email, 'Thu, 1 Jan 1970 00:00:00 +0100')), /^date/],
  ['a non-ASCII subject', () => one({ subject: 'gate: Grüße' }), /^subject/, (t) => expect(t).toMatch(/^Subject: \[PATCH v2\] =\?UTF-8\?q\?/m)],
  ['a subject with =?', () => one({ subject: 'gate: a =?b' }), /^subject/],
  ['a subject starting with [PATCH', () => one({ subject: '[PATCH] gate: Tagged' }), /^subject/],
  ['a subject with a trailing space', () => one({ subject: 'gate: Trailing ' }), /^subject/],
  ['a subject with a TAB', () => one({ subject: 'gate:\tTab' }), /^subject/],
  ['a body with an escape character', () => one({ body: 'Colour \x1b[31mred\x1b[0m.\n' }), /^message body/],
  ['a body with a carriage return', () => one({ body: 'Line\r\nline\n' }), /^message body/],
  ['a non-ASCII cover subject', () => one({}, { cover: { subject: 'gate: Grüße', blurb: 'Blurb.' } }), /^cover subject/],
  ['a cover blurb with leading whitespace', () => one({}, { cover: { subject: 'gate: Cover', blurb: '  indented' } }), /^cover blurb$/],
  ['a path with a space', () => spec([patch('gate: Space', [edit('lib/a b.c', undefined, 'x\n')])]), /^path lib\/a b\.c$/],
  ['a .gitattributes file', () => spec([patch('gate: Attributes', [edit('.gitattributes', undefined, '*.c diff=cpp\n')])]), /^path \.gitattributes$/],
  ['a .github directory', () => spec([patch('gate: GitHub', [edit('.github/ci.yml', undefined, 'x\n')])]), /^path \.github\/ci\.yml$/],
  ['a .mailmap file', () => spec([patch('gate: Mailmap', [edit('.mailmap', undefined, 'A <a@b>\n')])]), /^path \.mailmap$/],
  ['a binary file (NUL byte)', () => spec([patch('gate: Binary', [edit('lib/blob.bin', undefined, 'a\0b\n')])]), /^content of lib\/blob\.bin$/, (t) => expect(t).toContain('GIT binary patch')],
  ['a lone surrogate', () => spec([patch('gate: Surrogate', [edit('lib/s.c', 'a\n', 'a\ud800\n')])]), /^content of lib\/s\.c$/],
  ['a new empty file', () => spec([patch('gate: Empty', [edit('lib/empty.c', undefined, '')])]), /^new empty file lib\/empty\.c$/],
  ['an edit that does not follow the previous patch', () => spec([patch('gate: First', [edit('a.c', 'a\n', 'b\n')]), patch('gate: Second', [edit('a.c', 'x\n', 'y\n')])]), /does not follow the previous patch$/],
  ['one file edited twice in a patch', () => spec([patch('gate: Twice', [edit('a.c', 'a\n', 'b\n'), edit('a.c', 'b\n', 'c\n')])]), /edited twice in one patch$/],
  ['a patch that changes nothing', () => spec([patch('gate: Nothing', [edit('a.c', 'a\n', 'a\n')])]), /changes nothing$/],
  ['a path that is a file and a directory', () => spec([patch('gate: File', [edit('lib/x', undefined, 'f\n')]), patch('gate: Dir', [edit('lib/x/y', undefined, 'd\n')])]), /^lib\/x is both a file and a directory$/],
];

/** Files, or the error's message. */
function outcome(run: () => { path: string; content: string }[]): { files?: { path: string; content: string }[]; error?: string } {
  try {
    return { files: run() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('in-process gate: what falls back to git', () => {
  it.each(CASES)('%s', (_title, make, why, check) => {
    const s = make();
    expect(inProcessBlocker(s)).toMatch(why);
    let route: [string, string | undefined] | undefined;
    const ours = outcome(() => formatSeries(s, (r, w) => (route = [r, w])));
    expect(route).toEqual(['git', inProcessBlocker(s)]);
    expect(ours).toEqual(outcome(() => formatSeriesWithGit(s)));
    if (check) check(ours.files!.map((f) => f.content).join(''));
  }, 60_000);
});
