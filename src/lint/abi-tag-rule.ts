/**
 * abi-tag: a row whose ABI tag its table does not use, e.g. `common` in
 * x86_32 (only `i386`) or in a MIPS table (`n32`/`n64`/`o32`).
 *
 * The valid tags come from the table's header comment when it states them
 * ("The <abi> is always "n64" for this file", "The abi is "common", "64" or
 * "x32"", "where <abi> can be common, 64, or 32"), else from the rows below
 * the shared range (the table's established tags).  A tag equal to the
 * row's own syscall name is an opt-in selector (scripts/syscall.tbl's
 * `memfd_secret` row, like its older `renameat` row) and always valid.
 *
 * Severity follows the table's consumers (kernel-conventions §8.3): where the
 * build selects rows with `--abis` (x86, powerpc, arm, the generic table ...)
 * a wrong tag silently drops the syscall: error.  Where it does not (mips,
 * alpha ...) the row still builds: warning.  When the Makefile cannot be
 * read (a partial tree), error, saying so.
 */
import { dirname } from 'node:path/posix';
import type { TableModel } from '../kernel/kernel-tree.js';
import { sharedStart } from './shared-range.js';
import type { Finding, LintContext } from './lint-finding.js';

const STATEMENT = /\babi>?\s+(?:is\s+always|is|can\s+be)\s+(.*?)(?:\s+for\s+this\s+file)?\.?\s*$/i;
const NOT_TAGS = new Set(['or', 'and', 'always']);

export function declaredAbis(model: TableModel): string[] | undefined {
  for (const line of model.table.lines) {
    if (line.kind === 'row') break;
    const m = STATEMENT.exec(line.raw);
    if (m) return m[1]!.split(/[\s,"]+/).filter((w) => w !== '' && !NOT_TAGS.has(w));
  }
  return undefined;
}

function establishedAbis(model: TableModel, start: number): string[] {
  return [...new Set(model.table.rows.filter((r) => r.nr - model.format.offset < start).map((r) => r.abi))];
}

/** Does the table's build select rows by ABI: its own Makefile if that runs the generators, else the generic one. */
function filtersByAbi(ctx: LintContext, model: TableModel): { filters: boolean; why: string } {
  const ownPath = `${dirname(model.path)}/Makefile`;
  const own = ctx.readFile(ownPath);
  const path = own !== undefined && /sys(call)?hdr/.test(own) ? ownPath : 'scripts/Makefile.asm-headers';
  const make = path === ownPath ? own : ctx.readFile(path);
  if (make === undefined) return { filters: true, why: `cannot tell whether the build selects rows by ABI (no ${ownPath} or ${path})` };
  return /--abis/.test(make)
    ? { filters: true, why: `${path} selects rows by ABI, so this row is left out` }
    : { filters: false, why: `harmless here (${path} does not select rows by ABI)` };
}

export function checkAbiTags(ctx: LintContext): Finding[] {
  const start = sharedStart(ctx.tree);
  const findings: Finding[] = [];
  for (const model of ctx.tree.tables) {
    const declared = declaredAbis(model);
    const valid = new Set(declared ?? establishedAbis(model, start));
    if (valid.size === 0) continue;
    const bad = model.table.rows.filter((r) => !valid.has(r.abi) && r.abi !== r.name);
    if (bad.length === 0) continue;
    const { filters, why } = filtersByAbi(ctx, model);
    for (const row of bad) {
      const source = declared ? 'the table header says' : 'the table uses';
      findings.push({
        file: model.path,
        line: row.line,
        col: row.raw.indexOf(row.abi, row.fields[0]!.length) + 1,
        severity: filters ? 'error' : 'warning',
        message: `ABI '${row.abi}' is wrong for this table (${source} ${[...valid].join(', ')}); ${why}`,
        rule: 'abi-tag',
      });
    }
  }
  return findings;
}
