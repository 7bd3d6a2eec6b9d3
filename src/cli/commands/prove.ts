/**
 * `syswire prove DEFS [--tree DIR] [--arch LIST] [--patches DIR] [--out DIR] [--timeout SECONDS]`:
 * build the tree with the series and the generated entry skeleton, boot it
 * under QEMU, and run the series' selftest and the bindings probe on every
 * user ABI of each arch (src/prove/ has the steps).  Exit 1 when any ABI
 * does not show what the wire-up promises.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { abiNumbers } from '../../bindings/abi-numbers.js';
import { decodeBytes } from '../../io/byte-text.js';
import { readRegularFile } from '../../io/path-guard.js';
import { loadKernelTree } from '../../kernel/tree-loader.js';
import { DiagnosticError, formatDiagnostic } from '../../model/diagnostics.js';
import { isCoverLetter } from '../../patch/format-patch.js';
import { ARCH_PROFILES, findArchProfile, type ArchProfile } from '../../prove/arch-profiles.js';
import { entryUnit, seriesConfig } from '../../prove/entry-unit.js';
import { bootArch } from '../../prove/prove-boot.js';
import { treeIdentity } from '../../prove/prove-cache.js';
import { provideKernel } from '../../prove/prove-kernel.js';
import { formatArchRun } from '../../prove/prove-summary.js';
import { requireHeaders, requireTools } from '../../prove/tool-runner.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { PROVE } from '../command-specs.js';
import { displayPath, EXIT, PACKAGE_ROOT, resolveTree, treeLine, type CliContext } from '../context.js';
import { loadDefsArg } from '../defs-arg.js';
import { buildSeries, planOnTree } from '../series-output.js';

export async function runProve(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(PROVE, args);
  const profiles = chooseArches(values.arch);
  const timeout = Number(values.timeout ?? '300');
  if (!(timeout > 0)) throw new UsageError('syswire prove: --timeout takes a number of seconds');
  const defsPath = positionals[0]!;
  const { loaded, defsFile } = loadDefsArg(ctx, defsPath);
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  ctx.stdout(treeLine(ctx, tree.root));
  const { plan, readTreeFile: read } = planOnTree(tree, loaded);
  for (const note of plan.notes) ctx.stderr(`${formatDiagnostic(note)}\n`);
  if (plan.edits.length === 0) throw new DiagnosticError([{ file: defsPath, line: 0, col: 0, severity: 'error', message: `every syscall is already wired in ${tree.root}; prove needs the tree without the series` }]);
  requireTools(profiles.flatMap(neededTools));
  requireHeaders(profiles.flatMap((p) => p.buildHeaders));

  const patches = values.patches ? readPatchDir(ctx, values.patches) : buildSeries(loaded, defsFile, tree).filter((f) => !isCoverLetter(f.path)).map((f) => f.content);
  const entry = entryUnit(loaded.defs, plan.calls);
  const numbers = abiNumbers(tree, plan.calls, read).numbers;
  const outDir = resolve(ctx.cwd, values.out ?? 'out/prove');
  const cacheRoot = ctx.env.SYSWIRE_PROVE_CACHE ? resolve(ctx.cwd, ctx.env.SYSWIRE_PROVE_CACHE) : join(PACKAGE_ROOT, '.cache/prove');
  const identity = treeIdentity(tree.root);
  const say = (text: string) => ctx.stdout(text);
  let failed = false;
  for (const profile of profiles.map((p) => seriesConfig(p, loaded.defs))) {
    const kernel = await provideKernel(profile, { tree: tree.root, treeIdentity: identity, patches, entry, cacheRoot }, { log: say, report: ctx.stderr, show: (p) => displayPath(ctx, p) });
    const where = displayPath(ctx, kernel.dir);
    say(kernel.cached ? `${profile.name}: kernel from the cache (${where})\n` : `${profile.name}: kernel built in ${kernel.manifest.buildSeconds.toFixed(1)} s (${where})\n`);
    const run = await bootArch(profile, kernel, { series: loaded.defs.series.name, calls: plan.calls, numbers, outDir, timeoutMs: timeout * 1000 }, ctx.stderr);
    const summary = formatArchRun(profile, run, (p) => displayPath(ctx, p), timeout);
    say(summary.stdout);
    if (summary.errors.length > 0) {
      failed = true;
      for (const e of summary.errors) ctx.stderr(`${e}\n`);
    }
  }
  say(failed ? 'prove: FAILED\n' : `prove: every ABI of ${profiles.map((p) => p.name).join(', ')} shows the wire-up\n`);
  return failed ? EXIT.fail : EXIT.ok;
}

/** The mails of a series directory, in file-name order (format-patch numbers them), without the cover letter. */
function readPatchDir(ctx: CliContext, dir: string): string[] {
  const full = resolve(ctx.cwd, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch (err) {
    throw new DiagnosticError([{ file: dir, line: 0, col: 0, severity: 'error', message: `cannot list the series directory (${(err as NodeJS.ErrnoException).code ?? String(err)})` }]);
  }
  const names = entries.filter((n) => n.endsWith('.patch') && !isCoverLetter(n)).sort();
  if (names.length === 0) throw new DiagnosticError([{ file: dir, line: 0, col: 0, severity: 'error', message: 'no *.patch files besides a cover letter' }]);
  return names.map((n) => decodeBytes(readRegularFile(join(full, n), join(dir, n))));
}

function chooseArches(list: string | undefined): ArchProfile[] {
  const names = (list ?? ARCH_PROFILES.map((p) => p.name).join(',')).split(',').filter(Boolean);
  return names.map((n) => {
    const p = findArchProfile(n);
    if (!p) throw new UsageError(`syswire prove: unknown arch '${n}' (known: ${ARCH_PROFILES.map((a) => a.name).join(', ')})`);
    return p;
  });
}

function neededTools(p: ArchProfile) {
  return [
    { tool: 'make', pkg: 'make' },
    { tool: 'gcc', pkg: 'gcc' },
    ...p.buildTools,
    { tool: p.qemu, pkg: p.qemuPackage },
    ...p.abis.map((a) => ({ tool: a.cc, pkg: a.packages[0]! })),
  ];
}
