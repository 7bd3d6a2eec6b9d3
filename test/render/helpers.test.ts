// Handlebars helpers and the whitespace primitives the renderers use.
import { describe, expect, it } from 'vitest';
import { join, ordinal, upper } from '../../src/render/helpers.js';
import { tabsTo, visualEnd } from '../../src/kernel/text-lines.js';
import { renderPrototype } from '../../src/render/prototype.js';
import { renderTableRow } from '../../src/render/table-row.js';
import { includeGuard } from '../../src/render/uapi-header.js';
import { splitDeclaration } from '../../src/render/entry-skeleton.js';

describe('helpers', () => {
  it.each([
    ['sframe_setup', 'SFRAME_SETUP'],
    ['linux/sframe.h', 'LINUX_SFRAME_H'],
  ])('upper(%s) = %s', (given, want) => expect(upper(given)).toBe(want));
  it.each([
    [0, 'first'],
    [2, 'third'],
    [11, '12th'],
  ])('ordinal(%i) = %s', (given, want) => expect(ordinal(given)).toBe(want));
  it('join', () => expect(join(['a', 'b'], ' | ')).toBe('a | b'));
});

describe('tab arithmetic (kernel-conventions §5.2)', () => {
  it.each([
    ['short name to 48', 22, 48, 4],
    ['name ending on a stop', 24, 48, 3],
    ['name reaching the stop', 48, 48, 1],
    ['name past the stop', 50, 40, 1],
  ])('%s', (_t, from, to, tabs) => expect(tabsTo(from, to)).toBe('\t'.repeat(tabs)));
  it('visualEnd expands tabs to 8 columns', () => expect(visualEnd('470\tcommon\t')).toBe(16));
});

describe('table rows', () => {
  const generic = [{ fill: 'tabs', column: 8 }, { fill: 'tabs', column: 16 }, { fill: 'tabs', column: 48 }, { fill: 'tabs', column: 80 }] as const;
  const s390 = [{ fill: 'spaces', column: 5 }, { fill: 'tabs', column: 16 }, { fill: 'tabs', column: 40 }, { fill: 'tabs', column: 72 }] as const;
  it.each([
    ['generic short', ['470', 'common', 'listns', 'sys_listns'], generic, '470\tcommon\tlistns\t\t\t\tsys_listns'],
    ['generic 16 chars', ['471', 'common', 'rseq_slice_yield', 'sys_rseq_slice_yield'], generic, '471\tcommon\trseq_slice_yield\t\tsys_rseq_slice_yield'],
    ['s390 <= 6.18', ['470', 'common', 'listns', 'sys_listns', 'sys_listns'], s390, '470  common\tlistns\t\t\tsys_listns\t\t\tsys_listns'],
  ])('%s', (_t, fields, stops, want) => expect(renderTableRow(fields, [...stops])).toBe(want));
});

describe('prototypes', () => {
  it('fits on one line when it can', () => {
    expect(renderPrototype('sys_mseal', ['unsigned long start', 'size_t len', 'unsigned long flags'])).toEqual(['asmlinkage long sys_mseal(unsigned long start, size_t len, unsigned long flags);']);
  });
  it('writes (void) without arguments', () => expect(renderPrototype('sys_x', [])).toEqual(['asmlinkage long sys_x(void);']));
  // 216 of the 253 wrapped prototypes in 6.12 keep their first line within
  // 80 columns (lsm_set_self_attr's 85-column line is one of the exceptions).
  it('wraps at 80 columns, aligned under the first argument with tabs then spaces', () => {
    expect(renderPrototype('sys_lsm_set_self_attr', ['unsigned int attr', 'struct lsm_ctx __user *ctx', 'u32 size', 'u32 flags'])).toEqual([
      'asmlinkage long sys_lsm_set_self_attr(unsigned int attr,',
      '\t\t\t\t      struct lsm_ctx __user *ctx, u32 size,',
      '\t\t\t\t      u32 flags);',
    ]);
    expect(renderPrototype('sys_cachestat', ['unsigned int fd', 'struct cachestat_range __user *cstat_range', 'struct cachestat __user *cstat', 'unsigned int flags'])).toEqual([
      'asmlinkage long sys_cachestat(unsigned int fd,',
      '\t\t\t      struct cachestat_range __user *cstat_range,',
      '\t\t\t      struct cachestat __user *cstat,',
      '\t\t\t      unsigned int flags);',
    ]);
  });
});

describe('uapi and skeleton pieces', () => {
  it('include guard', () => expect(includeGuard('include/uapi/linux/sframe.h')).toBe('_UAPI_LINUX_SFRAME_H'));
  it.each([
    ['struct sframe_setup __user *data', 'struct sframe_setup __user *', 'data'],
    ['size_t size', 'size_t', 'size'],
  ])('splits %s', (decl, type, name) => expect(splitDeclaration(decl)).toEqual({ type, name }));
});
