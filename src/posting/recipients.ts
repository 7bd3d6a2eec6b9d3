/**
 * Who each mail goes to, the way b4 and `git send-email --to-cmd/--cc-cmd`
 * find it: the tree's own scripts/get_maintainer.pl run on the patch
 * (`--no-git --no-git-fallback`: MAINTAINERS only, no history guesses).
 * It runs once with `--roles --no-rolestats`; the role only sorts the
 * entries and never reaches a header: maintainers and reviewers (b4's
 * `--nol` run) go to To, mailing lists (b4's `--nom` run) to Cc.
 *
 * Every mail Cc's linux-api@vger.kernel.org (adding-syscalls.rst); the
 * definition's `to:`/`cc:` add addresses, and `-addr` in either drops one.
 * The cover letter goes to the union of its patches' recipients.
 */
import { createHash } from 'node:crypto';
import { hasPerlScript, runPerlScript } from '../tools/perl-runner.js';

export const GET_MAINTAINER = 'scripts/get_maintainer.pl';
export const LINUX_API = 'linux-api@vger.kernel.org';
export const LINUX_MAN = 'linux-man@vger.kernel.org';

export interface Recipients {
  to: string[];
  cc: string[];
}

/** The options b4 uses (`b4.send-auto-*-cmd`), with the roles asked for so one run gives both lists. */
const ARGS = ['--no-git', '--no-git-fallback', '--no-git-chief-penguins', '--roles', '--no-rolestats'];

/** Why the tree cannot say who maintains what, or undefined when it can. */
export function maintainersUnavailable(root: string): string | undefined {
  const missing = [GET_MAINTAINER, 'MAINTAINERS'].filter((f) => !hasPerlScript(root, f));
  return missing.length === 0 ? undefined : `no ${missing.join(' or ')} in the tree; the mails get only linux-api and the definition's to:/cc:`;
}

/**
 * Answers already given in this process, by tree and patch: the script
 * reads all of MAINTAINERS on every run, and `--check` or a second series
 * in one process asks about the same patches again.
 */
const answered = new Map<string, Recipients>();

/** get_maintainer.pl's To and Cc for one patch. */
export function maintainersOf(root: string, patch: string): Recipients {
  const key = `${root}\0${createHash('sha256').update(patch).digest('hex')}`;
  let found = answered.get(key);
  if (!found) {
    found = sortByRole(runPerlScript({ root, script: GET_MAINTAINER, args: ARGS, input: patch }));
    answered.set(key, found);
  }
  return { to: [...found.to], cc: [...found.cc] };
}

/** `Name <addr> (maintainer:X)` to To, `list@host (open list:Y)` to Cc. */
export function sortByRole(output: string): Recipients {
  const to: string[] = [];
  const cc: string[] = [];
  for (const line of output.split('\n')) {
    // The address ends at its `>` (`Name <addr>`) or at the first blank (`addr`); the role follows in parentheses.
    const m = /^(.*?<[^<>]+>|\S+)\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    (/^\((?:open |moderated |subscriber )?list\b/.test(m[2]!) ? cc : to).push(m[1]!);
  }
  return { to, cc };
}

/** The address part of `Name <addr>` or `addr`, lower-cased for comparison. */
export function addressOf(entry: string): string {
  return (/<([^<>]+)>\s*$/.exec(entry)?.[1] ?? entry).trim().toLowerCase();
}

/**
 * Merge the found recipients with the fixed ones and the definition's:
 * To first, then Cc without anything already in To, each address once,
 * in the order found; `-addr` entries of `to`/`cc` drop that address.
 */
export function mergeRecipients(found: Recipients, extra: { to: readonly string[]; cc: readonly string[]; alwaysCc: readonly string[] }): Recipients {
  const drop = new Set([...extra.to, ...extra.cc].filter((a) => a.startsWith('-')).map((a) => addressOf(a.slice(1))));
  const keep = (list: readonly string[]) => list.filter((a) => !a.startsWith('-'));
  const seen = new Set<string>();
  const pick = (list: readonly string[]) =>
    list.filter((a) => {
      const key = addressOf(a);
      if (drop.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const to = pick([...found.to, ...keep(extra.to)]);
  const cc = pick([...found.cc, ...extra.alwaysCc, ...keep(extra.cc)]);
  return { to, cc };
}

/** The union, in order: To of every patch, then Cc (minus To). */
export function unionRecipients(all: readonly Recipients[]): Recipients {
  return mergeRecipients({ to: all.flatMap((r) => r.to), cc: all.flatMap((r) => r.cc) }, { to: [], cc: [], alwaysCc: [] });
}
