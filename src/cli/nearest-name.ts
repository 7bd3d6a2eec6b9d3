/**
 * "Did you mean": the names nearest to a mistyped one, as git suggests a
 * command for `git stauts`.  Nearness is the Levenshtein distance (one
 * insertion, deletion or substitution per step); a name further than
 * MAX_DISTANCE away is no suggestion at all.
 */

/** Up to two typos apart: `--aply`, `--dryrun`, `genrate`. */
export const MAX_DISTANCE = 2;

/** The Levenshtein distance of `a` and `b`, by one row of the usual table. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min(substitute, row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * The candidates nearest to `word`, all of those at the smallest distance
 * (in the candidates' order), or none when even the nearest is more than
 * `max` away.
 */
export function nearestNames(word: string, candidates: readonly string[], max = MAX_DISTANCE): string[] {
  const scored = candidates.map((name) => ({ name, distance: editDistance(word, name) }));
  const best = Math.min(...scored.map((s) => s.distance));
  return best > max ? [] : scored.filter((s) => s.distance === best).map((s) => s.name);
}
