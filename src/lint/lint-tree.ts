/**
 * `syswire lint --tree DIR`: run every rule over a kernel tree and return
 * the findings in file/line order.  Rules (one module each):
 *
 *   missing-row        generic syscall missing from a table          error
 *   number-mismatch    number disagrees across tables (with offsets)  error
 *   abi-tag            ABI tag wrong for the table                    error / warning
 *   row-whitespace     row breaks the table's whitespace rule         warning
 *   syscall-count      __NR_syscalls is not last + 1                  error
 *   uapi-header        no SPDX line / no <linux/types.h>              error
 *   missing-prototype  no syscalls.h prototype                        error
 *   scalar64-compat    64-bit argument without a compat entry         error / warning
 *   odd-slot-64        64-bit argument in an odd 32-bit register      warning
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KernelTree } from '../kernel/kernel-tree.js';
import { treeFileReader } from '../kernel/tree-loader.js';
import { checkAbiTags } from './abi-tag-rule.js';
import { byPosition, type Finding, type LintContext, type LintRule } from './lint-finding.js';
import { checkMissingRows } from './missing-row-rule.js';
import { checkNumberAgreement } from './number-agreement-rule.js';
import { checkPrototypes } from './prototype-rule.js';
import { checkRowWhitespace } from './row-whitespace-rule.js';
import { checkOddSlots, checkScalar64Compat } from './scalar64-rule.js';
import { checkSyscallCount } from './syscall-count-rule.js';
import { checkUapiHeaders } from './uapi-header-rule.js';

export const RULES: readonly LintRule[] = [checkMissingRows, checkNumberAgreement, checkAbiTags, checkRowWhitespace, checkSyscallCount, checkUapiHeaders, checkPrototypes, checkScalar64Compat, checkOddSlots];

export function lintTree(ctx: LintContext): Finding[] {
  return RULES.flatMap((rule) => rule(ctx)).sort(byPosition);
}

/** A context reading extra files from the tree's directory; struct headers are grepped for on demand. */
export function diskContext(tree: KernelTree, root: string): LintContext {
  const readFile = treeFileReader(root);
  const findStructHeaders = (structs: readonly string[]) => grepStructHeaders(root, structs);
  return { tree, readFile, uapiHeaders: [], findStructHeaders };
}

/**
 * uapi headers under `root` defining one of `structs`, found with grep(1):
 * reading the ~900 headers in JavaScript cost lint a third of its time.
 */
export function grepStructHeaders(root: string, structs: readonly string[]): string[] {
  if (structs.length === 0 || !existsSync(join(root, 'include/uapi'))) return [];
  const patterns = structs.flatMap((name) => ['-e', `struct ${name} {`]);
  const run = spawnSync('grep', ['-rlF', '--include=*.h', ...patterns, 'include/uapi'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`grep failed in ${root}: ${run.stderr.trim()}`);
  return run.stdout.split('\n').filter(Boolean).sort();
}
