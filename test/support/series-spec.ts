/**
 * Series specs for the format-patch tests, planned the way `syswire
 * series` plans them (src/cli/commands/series.ts buildSeries: planWireUp,
 * planSeries, the definition's abbrev), with the series section
 * overridable per test case; plus a comparison of the in-process writer
 * with real git.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import type { SeriesDef } from '../../src/model/defs-schema.js';
import { treeFileReader } from '../../src/kernel/tree-loader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { formatSeries, formatSeriesWithGit, type CommitSpec, type SeriesSpec } from '../../src/patch/format-patch.js';
import type { FileEdit } from '../../src/plan/file-edit.js';
import { planSeries, type UserPatch } from '../../src/patch/series-builder.js';
import { loadTree, REPO_ROOT } from './kernel-trees.js';

export interface SpecOptions {
  /** Replaces fields of the definition's `series:` section. */
  series?: Partial<SeriesDef>;
  /** Read the definition's `patches:` (user-written mails) too. */
  userPatches?: boolean;
}

/** Plan `defs` (a path under the repo, or `{ file, text }`) against `treeDir`. */
export function seriesSpec(defs: string | { file: string; text: string }, treeDir: string, opts: SpecOptions = {}, treeRoot = treeDir): SeriesSpec {
  const { file, text } = typeof defs === 'string' ? { file: defs, text: readFileSync(join(REPO_ROOT, defs), 'utf8') } : defs;
  const loaded = loadDefinitions(file, text);
  const read = treeFileReader(treeDir);
  const plan = planWireUp(loadTree(treeDir), loaded, read);
  const series = { ...loaded.defs.series, ...opts.series };
  const user: UserPatch[] = opts.userPatches
    ? series.patches.map((p) => ({ file: p.file, text: readFileSync(join(REPO_ROOT, dirname(file), p.file), 'utf8'), position: p.position }))
    : [];
  const planned = planSeries(series, plan.calls, plan.edits, user);
  return {
    commits: planned.commits,
    version: series.version,
    subjectPrefix: planned.subjectPrefix,
    abbrev: series.abbrev,
    committer: planned.author,
    ...(planned.cover ? { cover: planned.cover } : {}),
    treeRoot,
    readBase: read,
  };
}

/** formatSeries on `spec`, with the route it took. */
export function formatWithRoute(spec: SeriesSpec): { files: ReturnType<typeof formatSeries>; route: string; why: string | undefined } {
  let route = '';
  let why: string | undefined;
  const files = formatSeries(spec, (r, w) => {
    route = r;
    why = w;
  });
  return { files, route, why };
}

/** Expect formatSeries to go in process and write exactly what git writes. */
export function expectInProcessEqualsGit(spec: SeriesSpec): ReturnType<typeof formatSeries> {
  const ours = formatWithRoute(spec);
  expect({ route: ours.route, why: ours.why }).toEqual({ route: 'in-process', why: undefined });
  const git = formatSeriesWithGit(spec);
  expect(ours.files.map((f) => f.path)).toEqual(git.map((f) => f.path));
  for (const [i, file] of git.entries()) expect(ours.files[i]!.content, file.path).toBe(file.content);
  return ours.files;
}

/** Author (and committer) of the hand-built specs. */
export const AUTHOR = { name: 'A U Thor', email: 'author@example.org', date: 'Thu, 4 Jun 2026 10:00:00 -0400' };

/** `n` numbered lines. */
export const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} line ${i}\n`).join('');

export const edit = (path: string, before: string | undefined, after: string): FileEdit => ({ path, before, after });

/** A generated patch of the hand-built specs. */
export function patch(subject: string, edits: FileEdit[], extra: Partial<Extract<CommitSpec, { kind: 'edits' }>> = {}): CommitSpec {
  return { kind: 'edits', edits, subject, body: `Body of ${subject}.\n\nSigned-off-by: ${AUTHOR.name} <${AUTHOR.email}>`, author: AUTHOR, changelog: '', ...extra };
}

/** A hand-built series on a tree root that is no git repository (the system temp directory). */
export function spec(commits: CommitSpec[], extra: Partial<SeriesSpec> = {}): SeriesSpec {
  return { commits, version: 2, subjectPrefix: 'PATCH', abbrev: 12, committer: AUTHOR, treeRoot: tmpdir(), readBase: () => undefined, ...extra };
}
