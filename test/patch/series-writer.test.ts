/**
 * The in-process series writer against real git: for every spec below,
 * formatSeries must take the in-process route and return, byte for byte,
 * the files formatSeriesWithGit (scratch repository + `git format-patch`)
 * returns: names, `From <sha>` lines, headers, folding, bodies, diffstats,
 * `index` abbreviations, diffs, cover letters and shortlogs.
 *
 * Specs come from the definitions as `syswire series` plans them on the
 * real 6.12 tree (6.1 for the replay fixture, which 6.12 already has),
 * with series fields overridden to reach versions, RFC, abbreviations,
 * splits, cover letters, dates and subject lengths around git's folding
 * and wrapping limits; then hand-built specs for what definitions rarely
 * produce (long paths, big and lopsided change counts, many patches and
 * authors, a file edited by several patches).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CommitSpec, SeriesSpec } from '../../src/patch/format-patch.js';
import { parseGitDate } from '../../src/patch/git-date-parser.js';
import { hashBlob, hashCommit, hashTrees } from '../../src/patch/git-objects.js';
import { stripspace } from '../../src/patch/stripspace.js';
import { TREE_61, TREE_612 } from '../support/kernel-trees.js';
import { AUTHOR, edit, expectInProcessEqualsGit, lines, patch, seriesSpec, spec } from '../support/series-spec.js';

/** A subject of exactly `n` characters, words of varying length, no trailing space. */
function subjectOfLength(n: number, seed = 'unwind: Add sframe register and unregister system calls for the dynamic linkers of every kind of user space '): string {
  const text = seed.repeat(3).slice(0, n);
  return text.endsWith(' ') ? `${text.slice(0, -1)}x` : text;
}

const SPLIT = 'test/fixtures/series/sframe-split.yaml';

const DEFINITIONS: [string, { defs: string; tree?: string; series?: object }][] = [
  ['defs/sframe.yaml (v3, one patch)', { defs: 'defs/sframe.yaml' }],
  ['defs/sframe-v2.yaml (v2, changelog with a link)', { defs: 'defs/sframe-v2.yaml' }],
  ['test/fixtures/compat-call.yaml (v1, subject only)', { defs: 'test/fixtures/compat-call.yaml' }],
  ['test/fixtures/existing-header.yaml', { defs: 'test/fixtures/existing-header.yaml' }],
  ['test/fixtures/xattrat.yaml (default date)', { defs: 'test/fixtures/xattrat.yaml' }],
  ['test/fixtures/replay-451-462.yaml on 6.1', { defs: 'test/fixtures/replay-451-462.yaml', tree: TREE_61 }],
  ['sframe-split without its user patch: core-then-arch, RFC v4, cover letter, abbrev 16', { defs: SPLIT }],
  ['sframe-split as a first posting (0000-cover-letter.patch, [RFC PATCH 0/2])', { defs: SPLIT, series: { version: 1, changes: {}, previous: undefined } }],
  ['sframe-split, not RFC, abbrev 7', { defs: SPLIT, series: { rfc: false, abbrev: 7 } }],
  ['sframe.yaml as version 1', { defs: 'defs/sframe.yaml', series: { version: 1, changes: {} } }],
  ['sframe.yaml as version 12', { defs: 'defs/sframe.yaml', series: { version: 12 } }],
  ['sframe.yaml RFC', { defs: 'defs/sframe.yaml', series: { rfc: true } }],
  ['sframe.yaml abbrev 7', { defs: 'defs/sframe.yaml', series: { abbrev: 7 } }],
  ['sframe.yaml abbrev 16', { defs: 'defs/sframe.yaml', series: { abbrev: 16 } }],
  ['sframe.yaml abbrev 40', { defs: 'defs/sframe.yaml', series: { abbrev: 40 } }],
  ['sframe.yaml with a cover letter for one patch ([PATCH v3 0/1])', { defs: 'defs/sframe.yaml', series: { cover_letter: 'always' } }],
  ['sframe.yaml split core-then-arch, cover letter, generated arch subject', { defs: 'defs/sframe.yaml', series: { split: 'core-then-arch' } }],
  ['sframe-v2 with a cover letter: non-ASCII blurb (changelog)', { defs: 'defs/sframe-v2.yaml', series: { cover_letter: 'always' } }],
  ['a non-ASCII body (8bit MIME lines), cover letter too', { defs: 'defs/sframe.yaml', series: { split: 'core-then-arch', signed_off_by: ['Steven Rostedt <rostedt@goodmis.org>', 'Thomas Weißschuh <thomas@t-8ch.de>'] } }],
  ['date as @epoch with a negative zone', { defs: 'defs/sframe.yaml', series: { date: '@1780581600 -0400' } }],
  ['date in +0530, split with cover', { defs: 'defs/sframe.yaml', series: { date: 'Thu, 31 Dec 2099 23:59:59 +0530', split: 'core-then-arch' } }],
  ['date in +1400 on a leap day', { defs: 'defs/sframe.yaml', series: { date: 'Thu, 29 Feb 2024 00:00:00 +1400' } }],
  ['date -0000', { defs: 'defs/sframe.yaml', series: { date: 'Mon, 1 Jun 2026 09:00:00 -0000' } }],
  ['a body with blank runs and trailing spaces (stripspace)', { defs: 'defs/sframe.yaml', series: { body: '\n\n  \nFirst paragraph.   \n\n\n\n\tSecond, indented.\t\n\n\n' } }],
  ['a subject with punctuation runs (file name sanitizing)', { defs: 'defs/sframe.yaml', series: { subject: 'x86/entry: Add... the "sframe" calls -- (v3) !!' } }],
  ['a subject whose file name is cut right after a hyphen', { defs: 'defs/sframe.yaml', series: { subject: 'abcdefghij abcdefghij abcdefghij abcdefghij abcdefg hij x' } }],
  ['a subject of one 70-character word (folds before the word)', { defs: 'defs/sframe.yaml', series: { subject: 'x'.repeat(70) } }],
  ['a subject of 130 characters (folds twice)', { defs: 'defs/sframe.yaml', series: { subject: subjectOfLength(130) } }],
  ['a subject with double spaces at the fold', { defs: 'defs/sframe.yaml', series: { subject: `${'a'.repeat(57)}  b c` } }],
  ...[55, 56, 57, 58, 59, 60, 61, 62].map((n): [string, { defs: string; series: object }] => [
    `a ${n}-character subject (Subject: line of ${20 + n} columns)`,
    { defs: 'defs/sframe.yaml', series: { subject: subjectOfLength(n) } },
  ]),
  ...[52, 53, 54, 55, 56, 57].map((n): [string, { defs: string; series: object }] => [
    `a ${n}-character subject behind [RFC PATCH v4 1/2] (${26 + n} columns)`,
    { defs: SPLIT, series: { subject: subjectOfLength(n, 'abc de fghij klm nopqrs tu vwxyz '), arch_patch: { subject: subjectOfLength(n + 1, 'arch: Wire '), body: 'Arch.\n' } } },
  ]),
  ...[68, 69, 70, 71, 72, 73, 150].map((n): [string, { defs: string; series: object }] => [
    `shortlog entries of ${n} characters (wrapped at 72 with indents 2 and 4)`,
    { defs: SPLIT, series: { subject: subjectOfLength(n), arch_patch: { subject: subjectOfLength(n, 'arch: Wire up the calls '), body: 'Arch.\n' } } },
  ]),
];

describe('in-process series = git format-patch, from definitions', () => {
  it.each(DEFINITIONS)('%s', (_title, { defs, tree, series }) => {
    expectInProcessEqualsGit(seriesSpec(defs, tree ?? TREE_612, { series: series ?? {} }));
  }, 60_000);

  it('50 synthetic syscalls (diffstat scaling, long file lists), split with a cover letter', () => {
    const calls = Array.from({ length: 50 }, (_, i) => `  - name: syn_call_${String(i).padStart(2, '0')}\n    args: ["int fd", "unsigned long flags"]\n`).join('');
    const text = `series:\n  name: many\n  version: 2\n  split: core-then-arch\n  subject: "many: Add fifty system calls"\n  author: "A U Thor <author@example.org>"\n  body: |\n    Fifty calls.\n  signed_off_by: ["A U Thor <author@example.org>"]\nsyscalls:\n${calls}`;
    expectInProcessEqualsGit(seriesSpec({ file: 'test/fixtures/many.yaml', text }, TREE_612));
    expectInProcessEqualsGit(seriesSpec({ file: 'test/fixtures/many.yaml', text }, TREE_612, { series: { split: 'single', abbrev: 7 } }));
  }, 60_000);
});

/** Two texts whose blob ids share their first `digits` hex digits (a birthday search). */
function collidingTexts(digits: number): [string, string] {
  const seen = new Map<string, string>();
  for (let i = 0; ; i++) {
    const text = `colliding blob ${i}\n`;
    const id = createHash('sha1').update(`blob ${text.length}\0${text}`).digest('hex').slice(0, digits);
    const other = seen.get(id);
    if (other !== undefined) return [other, text];
    seen.set(id, text);
  }
}

const LONG_DIR = 'drivers/gpu/drm/amd/display/dc/dml2/dml21/src/dml2_core/dml2_core_shared';

const HAND_BUILT: [string, () => SeriesSpec][] = [
  ['very long paths: names cut behind "..." at a slash, and one without a slash in its tail', () =>
    spec([patch('drm: Long paths', [
      edit(`${LONG_DIR}/dml2_core_shared_types_and_more.h`, lines(5, 'a'), lines(6, 'a')),
      edit(`${LONG_DIR}/x.c`, lines(3, 'b'), lines(2, 'b')),
      edit(`a/${'very_long_file_name_without_any_slash_'.repeat(3)}.c`, undefined, lines(7, 'c')),
      edit('short.c', lines(1, 'd'), lines(40, 'd')),
    ])])],
  ['big and lopsided counts: 1000 added, 500 deleted, 1+1, 3 deleted', () =>
    spec([patch('scale: Counts', [
      edit('big/added.c', lines(2, 'x'), lines(1002, 'x')),
      edit('big/deleted.c', lines(600, 'y'), lines(100, 'y')),
      edit('one/each.c', 'p\nq\n', 'p\nr\n'),
      edit('three/deleted.c', lines(10, 'z'), lines(7, 'z')),
      edit('mixed.c', lines(300, 'm'), `${lines(150, 'm')}${lines(120, 'n')}`),
    ])], { cover: { subject: 'scale: Counts', blurb: 'Counts.' } })],
  ['names just over and under the width, small counts (graph gets the rest)', () =>
    spec([patch('fit: Names', [edit(`${'n'.repeat(60)}.c`, 'a\n', 'b\n'), edit(`${'m'.repeat(66)}.c`, undefined, 'x\n')])])],
  ['twelve patches (01/12 numbering), three authors, a file edited by several patches and one reverted', () => {
    const zed = { ...AUTHOR, name: 'Zed Zed', email: 'zed@example.org', date: '@1780000000 +0200' };
    const low = { ...AUTHOR, name: 'bob lower', email: 'bob@example.org', date: 'Fri, 5 Jun 2026 11:00:00 +0000' };
    const commits: CommitSpec[] = [];
    let shared = lines(20, 's');
    for (let i = 0; i < 12; i++) {
      const next = shared.replace(`s line ${i}\n`, `s line ${i} changed\n`);
      const edits = [edit('kernel/shared.c', shared, next), edit(`kernel/own_${i}.c`, undefined, lines(i + 1, `own${i}`))];
      if (i === 3) edits.push(edit('kernel/revert.c', 'old\n', 'new\n'));
      if (i === 7) edits.push(edit('kernel/revert.c', 'new\n', 'old\n'));
      commits.push(patch(`kernel: Step ${i + 1} of twelve`, edits, { author: [AUTHOR, zed, low][i % 3]! }));
      shared = next;
    }
    return spec(commits, { cover: { subject: 'kernel: Twelve steps', blurb: 'Twelve steps.\n\n- with a list' }, subjectPrefix: 'RFC PATCH', abbrev: 7 });
  }],
  ['a new file in a later patch, a subject-only patch, no file at the base', () =>
    spec([patch('first: Create', [edit('lib/new.c', undefined, 'one\n')], { body: '' }), patch('second: Extend', [edit('lib/new.c', 'one\n', 'one\ntwo\n'), edit('lib/other.c', undefined, 'x\n')])], { version: 1, cover: { subject: 'Create and extend', blurb: '' } })],
  ['a cover subject and blurb with config-special characters (quotes, ;, #, backslash, TAB, non-ASCII)', () =>
    spec([patch('one: First', [edit('a.c', 'a\n', 'b\n')]), patch('two: Second', [edit('b.c', undefined, 'c\n')])], {
      cover: { subject: 'cover: "Quoted" ; # \\ back', blurb: 'Line\twith a TAB;  # not a comment\n\n  indented line   \n\nGrüße, \\n is no newline' },
    })],
  ['files without a final newline, and one losing it', () =>
    spec([patch('eol: Newlines', [edit('a.txt', 'a\nb', 'a\nb\nc'), edit('b.txt', 'x\ny\n', 'x\ny'), edit('c.txt', undefined, 'no newline')])])],
  ['tree order: a directory sorts as if its name ended in "/"', () =>
    spec([patch('order: Names', [edit('a-b/x', undefined, '1\n'), edit('a/x', undefined, '2\n'), edit('a.c', undefined, '3\n'), edit('a/b/c', undefined, '4\n'), edit('a0', undefined, '5\n')])])],
];

describe('in-process series = git format-patch, hand-built specs', () => {
  it.each(HAND_BUILT)('%s', (_title, make) => {
    expectInProcessEqualsGit(make());
  }, 60_000);

  it('two blobs sharing 7 hex digits: git lengthens both abbreviations to 8', () => {
    const [one, two] = collidingTexts(7);
    const files = expectInProcessEqualsGit(spec([patch('abbrev: Collide', [edit('one.c', 'x\n', one), edit('two.c', undefined, two)])], { abbrev: 7 }));
    expect(files[0]!.content).toMatch(/^index [0-9a-f]{7}\.\.[0-9a-f]{8} 100644$/m);
    expect(files[0]!.content).toMatch(/^index 0{7}\.\.[0-9a-f]{8}$/m);
  });

  // Birthday searches between ids the test can vary independently: a
  // subtree (dir/x) against a blob at the root, and the first commit
  // (varied by its subject) against a file the second patch creates.
  // git lengthens the blob's abbreviation only if that tree or commit is
  // in its repository too.
  it('a blob sharing 7 hex digits with a subtree: abbreviated to 8', () => {
    const trees = new Map<string, string>();
    for (let i = 0; trees.size < 1 << 15; i++) trees.set(hashTrees(new Map([['x', hashBlob(`tree ${i}\n`)]])).slice(0, 7), `tree ${i}\n`);
    let j = 0;
    while (!trees.has(hashBlob(`blob ${j}\n`).slice(0, 7))) j++;
    const inDir = trees.get(hashBlob(`blob ${j}\n`).slice(0, 7))!;
    const files = expectInProcessEqualsGit(spec([patch('abbrev: Tree', [edit('dir/x', undefined, inDir), edit('y', undefined, `blob ${j}\n`)])], { abbrev: 7 }));
    expect(files[0]!.content).toMatch(/^index 0{7}\.\.[0-9a-f]{8}$/m);
  });

  it('a blob sharing 7 hex digits with a commit of the series: abbreviated to 8', () => {
    const date = parseGitDate(AUTHOR.date)!;
    const sig = { name: AUTHOR.name, email: AUTHOR.email, date };
    const epoch = { ...sig, date: { epoch: 0, tz: 0 } };
    const base = hashCommit({ tree: hashTrees(new Map()), author: epoch, committer: epoch, message: 'base\n' });
    const tree = hashTrees(new Map([['a.c', hashBlob('a\n')]]));
    const first = (i: number) => patch(`abbrev: Commit ${i}`, [edit('a.c', undefined, 'a\n')]);
    const commits = new Map<string, number>();
    for (let i = 0; commits.size < 1 << 15; i++) {
      const c = first(i) as Extract<CommitSpec, { kind: 'edits' }>;
      commits.set(hashCommit({ tree, parent: base, author: sig, committer: sig, message: stripspace(`${c.subject}\n\n${c.body}`) }).slice(0, 7), i);
    }
    let j = 0;
    while (!commits.has(hashBlob(`blob ${j}\n`).slice(0, 7))) j++;
    const i = commits.get(hashBlob(`blob ${j}\n`).slice(0, 7))!;
    const files = expectInProcessEqualsGit(spec([first(i), patch('abbrev: Second', [edit('b.c', undefined, `blob ${j}\n`)])], { abbrev: 7 }));
    expect(files[1]!.content).toMatch(/^index 0{7}\.\.[0-9a-f]{8}$/m);
  });
});
