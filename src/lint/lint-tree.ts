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
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KernelTree } from '../kernel/kernel-tree.js';
import { checkAbiTags } from './abi-tag-rule.js';
import { byPosition, type Finding, type LintContext, type LintRule } from './lint-finding.js';
import { checkMissingRows } from './missing-row-rule.js';
import { checkNumberAgreement } from './number-agreement-rule.js';
import { checkPrototypes } from './prototype-rule.js';
import { checkRowWhitespace } from './row-whitespace-rule.js';
import { checkSyscallCount } from './syscall-count-rule.js';
import { checkUapiHeaders } from './uapi-header-rule.js';

export const RULES: readonly LintRule[] = [checkMissingRows, checkNumberAgreement, checkAbiTags, checkRowWhitespace, checkSyscallCount, checkUapiHeaders, checkPrototypes];

export function lintTree(ctx: LintContext): Finding[] {
  return RULES.flatMap((rule) => rule(ctx)).sort(byPosition);
}

/** A context reading extra files from the tree's directory. */
export function diskContext(tree: KernelTree, root: string): LintContext {
  const readFile = (path: string) => {
    const full = join(root, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  return { tree, readFile, uapiHeaders: [], listUapiHeaders: () => listHeaders(root, 'include/uapi') };
}

export function listHeaders(root: string, rel: string): string[] {
  if (!existsSync(join(root, rel))) return [];
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((ent) => {
    const path = `${rel}/${ent.name}`;
    if (ent.isDirectory()) return listHeaders(root, path);
    return ent.isFile() && ent.name.endsWith('.h') ? [path] : [];
  });
}
