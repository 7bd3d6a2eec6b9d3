import { describe, expect, it } from 'vitest';
import { seriesSchema } from '../../src/model/defs-schema.js';
import { coverLetterText, DEFAULT_DATE, planSeries, renderChangelog } from '../../src/plan/series-builder.js';
import type { FileEdit } from '../../src/plan/file-edit.js';

const base = { name: 's', subject: 'foo: Add bar()', author: 'A U Thor <a@example.org>', body: 'Body text.\n', signed_off_by: ['A U Thor <a@example.org>'] };
const series = (extra: object = {}) => seriesSchema.parse({ ...base, ...extra });
const edit = (path: string): FileEdit => ({ path, before: 'a\n', after: 'a\nb\n' });
const EDITS = [edit('arch/x86/entry/syscalls/syscall_64.tbl'), edit('include/uapi/asm-generic/unistd.h'), edit('scripts/syscall.tbl')];
const call = { def: { name: 'bar' }, nr: 463 } as never;

describe('planSeries', () => {
  it('makes one patch by default, with no cover letter and the fixed default date', () => {
    const plan = planSeries(series(), [call], EDITS);
    expect(plan.commits).toHaveLength(1);
    expect(plan.cover).toBeUndefined();
    expect(plan.author).toEqual({ name: 'A U Thor', email: 'a@example.org', date: DEFAULT_DATE });
    expect(plan.commits[0]).toMatchObject({ subject: 'foo: Add bar()', body: 'Body text.\n\nSigned-off-by: A U Thor <a@example.org>' });
  });

  it('core-then-arch: everything outside arch/ first (scripts/syscall.tbl included), then arch/', () => {
    const plan = planSeries(series({ split: 'core-then-arch', rfc: true }), [call], EDITS);
    const paths = plan.commits.map((c) => (c.kind === 'edits' ? c.edits.map((e) => e.path) : []));
    expect(paths).toEqual([['include/uapi/asm-generic/unistd.h', 'scripts/syscall.tbl'], ['arch/x86/entry/syscalls/syscall_64.tbl']]);
    expect(plan.commits[1]).toMatchObject({ subject: 'arch: Wire up bar system call' });
    expect(plan.subjectPrefix).toBe('RFC PATCH');
    expect(plan.cover?.subject).toBe('foo: Add bar()');
  });

  it('puts user patches before and after the generated ones, and honours cover_letter', () => {
    const user = [
      { file: 'b.patch', text: 'B', position: 'before' as const },
      { file: 'a.patch', text: 'A', position: 'after' as const },
    ];
    const plan = planSeries(series({ cover_letter: 'never' }), [call], EDITS, user);
    expect(plan.commits.map((c) => (c.kind === 'mbox' ? c.file : 'generated'))).toEqual(['b.patch', 'generated', 'a.patch']);
    expect(plan.cover).toBeUndefined();
    expect(planSeries(series({ cover_letter: 'always' }), [call], EDITS).cover).toBeDefined();
  });
});

describe('renderChangelog', () => {
  it('lists versions newest first, the link on the newest, blank lines as in the v2 posting', () => {
    const text = renderChangelog(series({ version: 3, previous: 'https://lore/v2', changes: { '2': ['x'], '3': ['y', 'z'] } }));
    expect(text).toBe('\nChanges since v2: https://lore/v2\n\n- y\n\n- z\n\nChanges since v1:\n\n- x\n\n');
  });

  it('is empty for a first version, and the cover blurb is then the body alone', () => {
    expect(renderChangelog(series())).toBe('');
    expect(coverLetterText(series()).blurb).toBe('Body text.');
  });
});
