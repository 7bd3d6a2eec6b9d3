/**
 * The series syswire writes is exactly what git writes.  For each
 * definition: write the series against a git repository made from the 6.12
 * tree, apply it with `git am` to that repository, run `git format-patch` on
 * the resulting commits with the same committer, date, abbreviation, subject
 * prefix and cover-letter text, and compare the files byte for byte.
 *
 * What is comparable: `git am` drops the text between `---` and the
 * diffstat, so syswire's changelog (which lives there) cannot survive the
 * round trip.  The test checks that the changelog sits right after `---`
 * and equals the one rendered from the definition, removes it, and then
 * demands byte equality of everything else, including the `From <sha>`
 * line (the commit ids must match), `index` lines, hunk headers, diffstat,
 * shortlog and `base-commit:`.  The cover letter is not applied (it has no
 * diff); git rebuilds it from the applied commits plus the branch
 * description, which the test sets to the definition's cover text.
 *
 * What syswire adds around git's output (posting/): the headers
 * Message-Id, In-Reply-To, References (git's --thread with pinned ids),
 * To and Cc are taken out of syswire's mails before the comparison; they
 * are checked in test/cli/series-posting.test.ts.  The scratch trees have
 * no MAINTAINERS, which `series` reports as a warning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured, useTempDirs } from '../support/cli-run.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { git } from '../../src/git/git-runner.js';
import { isCoverLetter, rerollCount } from '../../src/patch/format-patch.js';
import { parseIdent } from '../../src/git/scratch-repo.js';
import { coverLetterText, renderChangelog } from '../../src/plan/series-builder.js';
import { gitScratchTree } from '../support/git-tree.js';
import { REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const { tmp, defer } = useTempDirs('syswire-fp-');

/** The mail without the thread and recipient headers syswire adds (each may continue on indented lines). */
function withoutPostingHeaders(mail: string): string {
  const end = mail.indexOf('\n\n') + 1;
  const head = mail.slice(0, end).replace(/^(?:Message-Id|In-Reply-To|References|To|Cc): .*\n(?:[ \t].*\n)*/gm, '');
  return head + mail.slice(end);
}


const CASES = [
  { title: 'defs/sframe.yaml: core, x86, other arches and the selftest (per-document), a cover letter', defs: 'defs/sframe.yaml', patches: 4, generated: [1, 2, 3, 4] },
  { title: 'test/fixtures/xattrat.yaml: a first posting ([PATCH], 0001-*), no date given', defs: 'test/fixtures/xattrat.yaml', patches: 2, generated: [1, 2] },
  { title: 'core-then-arch + a user patch, RFC, cover letter, --abbrev 16', defs: 'test/fixtures/series/sframe-split.yaml', patches: 4, generated: [1, 2, 3] },
];

describe('syswire series: git am + git format-patch round trip (6.12)', () => {
  it.each(CASES)('$title', async ({ defs, patches, generated }) => {
    const tree = gitScratchTree(TREE_612);
    defer(tree.cleanup);
    const out = tmp();
    const res = await runCaptured('series', defs, '--tree', tree.root, '--out', out);
    expect(res.err).toBe(`${tree.root}: warning: no scripts/get_maintainer.pl or MAINTAINERS in the tree; the mails get only linux-api and the definition's to:/cc:\n`);
    expect(res.code).toBe(0);

    const series = loadDefinitions(defs, readFileSync(join(REPO_ROOT, defs), 'utf8')).defs.series;
    const names = readdirSync(out).filter((n) => n.endsWith('.patch')).sort();
    const mails = names.filter((n) => !isCoverLetter(n));
    expect(mails).toHaveLength(patches);
    const reroll = series.version > 1 ? `v${series.version}-` : '';
    for (const [i, name] of mails.entries()) expect(name.startsWith(`${reroll}${String(i + 1).padStart(4, '0')}-`)).toBe(true);

    // Without a date in the definition the mails carry the clock's: take it from them.
    const date = series.date ?? /^Date: (.*)$/m.exec(readFileSync(join(out, mails[0]!), 'utf8'))![1]!;
    const author = parseIdent(series.author, date);
    const committer = { GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email, GIT_COMMITTER_DATE: author.date };
    git(['am', '-q', '--committer-date-is-author-date', ...mails.map((n) => join(out, n))], { cwd: tree.root, env: committer });

    const cover = names.length > mails.length;
    const again = tmp();
    const args = ['format-patch', '-q', '-o', again, `--abbrev=${series.abbrev}`, ...rerollCount(series.version), `--subject-prefix=${series.rfc ? 'RFC PATCH' : 'PATCH'}`, '--no-signature', `--base=${tree.head}`];
    if (cover) {
      // The rendered man pages syswire put in the cover letter, each between two rules.
      const manText = [...readFileSync(join(out, names[0]!), 'utf8').matchAll(/^={72}\n([\s\S]*?)\n={72}$/gm)].map((m) => m[1]!);
      expect(manText).toHaveLength(defs === 'test/fixtures/xattrat.yaml' ? 4 : 2);
      const text = coverLetterText(series, manText);
      git(['config', 'branch.main.description', `${text.subject}\n\n${text.blurb}`], { cwd: tree.root });
      args.push('--cover-letter', '--cover-from-description=subject');
    }
    git([...args, `${tree.head}..HEAD`], { cwd: tree.root, env: committer });
    expect(readdirSync(again).sort()).toEqual(names);

    const changelog = renderChangelog(series);
    expect(changelog === '').toBe(series.version === 1);
    for (const name of names) {
      let ours = withoutPostingHeaders(readFileSync(join(out, name), 'utf8'));
      const nr = Number(name.slice(name.indexOf('-') + 1, name.indexOf('-') + 5));
      if (generated.includes(nr)) {
        const at = ours.indexOf('\n---\n');
        expect(ours.slice(at + 5, at + 5 + changelog.length)).toBe(changelog);
        if (series.version === 1) expect(ours).toMatch(/^Subject: \[PATCH\] /m);
        ours = ours.slice(0, at + 5) + ours.slice(at + 5 + changelog.length);
        // A non-ASCII changelog (Thomas Weißschuh) makes syswire declare UTF-8 where git, without it, had no need to.
        const gits = readFileSync(join(again, name), 'utf8');
        if (/[^\x00-\x7f]/.test(changelog) && !/^Content-Type:/m.test(gits.slice(0, gits.indexOf('\n\n')))) {
          ours = ours.replace('\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n', '\n');
        }
      }
      expect(ours, name).toBe(readFileSync(join(again, name), 'utf8'));
    }
    if (cover) expect(readFileSync(join(out, names[0]!), 'utf8')).toContain(`\nbase-commit: ${tree.head}\n`);
    const first = readFileSync(join(out, mails[0]!), 'utf8');
    expect(first).toMatch(new RegExp(`^index [0-9a-f]{${series.abbrev}}\\.\\.[0-9a-f]{${series.abbrev}} 100644$`, 'm'));
  }, 60_000);
});
