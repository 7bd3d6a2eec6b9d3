/**
 * parseGitDate()/formatRfc2822() against git: the epoch and zone git
 * stores for an author date (`git commit-tree`, then the raw commit) and the `Date:` git format-patch prints (`%aD`).
 */
import { describe, expect, it } from 'vitest';
import { git } from '../../src/patch/git.js';
import { formatRfc2822, formatTz, parseGitDate } from '../../src/patch/git-date-parser.js';
import { DEFAULT_DATE } from '../../src/patch/series-builder.js';
import { useTempDirs } from '../support/cli-run.js';

const { tmp } = useTempDirs('syswire-date-');

const ACCEPTED = [
  DEFAULT_DATE,
  'Thu, 4 Jun 2026 10:00:00 -0400',
  'Fri, 12 Jun 2026 08:30:00 -0400',
  'Thu, 29 Feb 2024 00:00:00 +1400',
  'Sun, 1 Mar 2026 01:30:00 +0545',
  'Thu, 31 Dec 2099 23:59:59 +0530',
  'Mon, 1 Jun 2026 09:00:00 -0000',
  'Sun, 9 Sep 2001 01:46:40 +0000',
  '@0 +0000',
  '@1780581600 -0400',
  '@1700000000 +2359',
  '@4102444799 -2300',
];

const REJECTED = [
  '2026-06-04 10:00:00 -0400',
  'Fri, 4 Jun 2026 10:00:00 -0400',
  'Thu, 04 Jun 2026 10:00:00 -0400',
  'Tue, 31 Feb 2026 10:00:00 +0000',
  'Thu, 1 Jan 1970 00:00:00 +0100',
  'Wed, 31 Dec 1969 23:00:00 -0100',
  'Fri, 1 Jan 2100 00:00:00 +0000',
  'Thu, 4 Jun 2026 24:00:00 -0400',
  'Thu, 4 Jun 2026 10:00:60 -0400',
  'Thu, 4 Jun 2026 10:00:00 -2400',
  'Thu, 4 Jun 2026 10:00:00 +0060',
  'Thu, 4 Jun 2026 10:00:00',
  '@1780581600',
  '@4102444800 +0000',
  'the day after tomorrow',
];

describe('parseGitDate = what git stores, formatRfc2822 = what git prints', () => {
  it.each(ACCEPTED)('%s', (date) => {
    const dir = tmp();
    git(['init', '-q'], { cwd: dir });
    const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const commit = git(['commit-tree', '4b825dc642cb6eb9a060e54bf8d69288fbee4904'], { cwd: dir, input: 'x\n', env }).trim();
    const stored = /^author .* (\d+) ([+-]\d{4})$/m.exec(git(['cat-file', 'commit', commit], { cwd: dir }))!;
    const parsed = parseGitDate(date)!;
    expect(`${parsed.epoch} ${formatTz(parsed.tz)}`).toBe(`${stored[1]} ${stored[2]}`);
    expect(formatRfc2822(parsed)).toBe(git(['show', '-s', '--format=%aD', commit], { cwd: dir }).trim());
  });

  it.each(REJECTED)('leaves %s to git', (date) => {
    expect(parseGitDate(date)).toBeUndefined();
  });
});
