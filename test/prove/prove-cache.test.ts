// The cache key of prove's kernels: what builds the kernel changes it,
// the mails' headers do not.
import { describe, expect, it } from 'vitest';
import { cacheKey, diffPart } from '../../src/prove/prove-cache.js';

const mail = (to: string, diff: string) => `From 0 Mon Sep 17 00:00:00 2001\nTo: ${to}\nSubject: [PATCH] x\n\n---\n${diff}`;
const base = { treeIdentity: 't', arch: 'x86_64', patches: [mail('a@b', 'diff --git a/k b/k\n+1\n')], entryUnit: 'e', configFragment: 'CONFIG_TTY=y\n' };

describe('cacheKey', () => {
  it('ignores the headers of a mail', () => {
    expect(cacheKey({ ...base, patches: [mail('c@d', 'diff --git a/k b/k\n+1\n')] })).toBe(cacheKey(base));
    expect(diffPart(base.patches[0]!)).toBe('diff --git a/k b/k\n+1\n');
  });

  it.each([
    ['the tree', { treeIdentity: 'u' }],
    ['the arch', { arch: 'arm64' }],
    ['a diff', { patches: [mail('a@b', 'diff --git a/k b/k\n+2\n')] }],
    ['the split into mails', { patches: [mail('a@b', 'diff --git a/k b/k\n'), mail('a@b', 'diff --git a/k b/k\n+1\n')] }],
    ['the entry unit', { entryUnit: 'f' }],
    ['the config fragment', { configFragment: 'CONFIG_TTY=y\nCONFIG_COMPAT=y\n' }],
  ])('changes with %s', (_what, change) => {
    expect(cacheKey({ ...base, ...change })).not.toBe(cacheKey(base));
  });
});
