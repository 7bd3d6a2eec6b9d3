/**
 * The diffstat `git format-patch` prints after `---` and in the cover
 * letter: show_stats() and the summary of diff.c with format-patch's
 * stat width of 72 columns (MAIL_DEFAULT_WRAP), no name or graph width
 * of its own, and text files only.
 *
 *    arch/x86/entry/syscalls/syscall_64.tbl |  2 ++
 *    include/uapi/asm-generic/unistd.h      |  7 +++++-
 *    2 files changed, 8 insertions(+), 1 deletion(-)
 *    create mode 100644 include/uapi/linux/sframe.h
 *
 * Widths: the number column is as wide as the largest change count; the
 * name and the graph want the longest name and the largest count.  When
 * name + number + 6 + graph exceeds 72, the graph is first cut to
 * 72*3/8 - number - 6 columns (at least 6), then the name gets what is
 * left, or, when the names are short, the graph gets it back.  A name
 * too long for its column keeps its tail behind `...`, cut further to
 * start at a '/' when there is one.  A graph narrower than the largest
 * count is scaled: 1 + n*(width-1)/max columns for n changes (integer
 * division), at least 2 when a file both adds and deletes, split between
 * '+' and '-' by scaling the smaller side and giving the rest to the
 * other.
 */

export interface FileStat {
  path: string;
  added: number;
  deleted: number;
  isNew: boolean;
}

const STAT_WIDTH = 72;

/** Stat lines, the `N files changed` line and ` create mode` lines. */
export function writeDiffstat(files: readonly FileStat[]): string {
  const shown = files.filter((f) => f.added + f.deleted > 0 || f.isNew);
  if (shown.length === 0) return '';
  const maxLen = Math.max(...shown.map((f) => f.path.length));
  const maxChange = Math.max(...shown.map((f) => f.added + f.deleted));
  const numberWidth = String(maxChange).length;
  const width = Math.max(STAT_WIDTH, 16 + 6 + numberWidth);
  let graphWidth = maxChange;
  let nameWidth = maxLen;
  if (nameWidth + numberWidth + 6 + graphWidth > width) {
    const third = Math.trunc((width * 3) / 8) - numberWidth - 6;
    if (graphWidth > third) graphWidth = Math.max(third, 6);
    if (nameWidth > width - numberWidth - 6 - graphWidth) nameWidth = width - numberWidth - 6 - graphWidth;
    else graphWidth = width - numberWidth - 6 - nameWidth;
  }
  let out = '';
  for (const file of shown) {
    let name = file.path;
    let prefix = '';
    let len = nameWidth;
    if (nameWidth < name.length) {
      prefix = '...';
      len = Math.max(len - 3, 0);
      name = name.slice(name.length - len);
      const slash = name.indexOf('/');
      if (slash >= 0) name = name.slice(slash);
    }
    let add = file.added;
    let del = file.deleted;
    if (graphWidth <= maxChange) {
      let total = scaleLinear(add + del, graphWidth, maxChange);
      if (total < 2 && add > 0 && del > 0) total = 2;
      if (add < del) {
        add = scaleLinear(add, graphWidth, maxChange);
        del = total - add;
      } else {
        del = scaleLinear(del, graphWidth, maxChange);
        add = total - del;
      }
    }
    const count = file.added + file.deleted;
    out += ` ${prefix}${name.padEnd(len)} | ${String(count).padStart(numberWidth)}${count ? ' ' : ''}${'+'.repeat(Math.max(add, 0))}${'-'.repeat(Math.max(del, 0))}\n`;
  }
  out += summaryLine(shown);
  for (const file of shown) if (file.isNew) out += ` create mode 100644 ${file.path}\n`;
  return out;
}

function scaleLinear(it: number, width: number, maxChange: number): number {
  return it === 0 ? 0 : 1 + Math.trunc((it * (width - 1)) / maxChange);
}

/** ` 2 files changed, 8 insertions(+), 1 deletion(-)`: a zero side is left out unless both are zero. */
function summaryLine(files: readonly FileStat[]): string {
  const ins = files.reduce((n, f) => n + f.added, 0);
  const del = files.reduce((n, f) => n + f.deleted, 0);
  let line = ` ${files.length} file${files.length === 1 ? '' : 's'} changed`;
  if (ins || !del) line += `, ${ins} insertion${ins === 1 ? '' : 's'}(+)`;
  if (del || !ins) line += `, ${del} deletion${del === 1 ? '' : 's'}(-)`;
  return `${line}\n`;
}
