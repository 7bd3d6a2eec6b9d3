/** The start-up check of git's version, with stand-in `git` programs on PATH. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkGitVersion } from '../../src/git/git-runner.js';
import { runCaptured } from '../support/cli-run.js';

const bin = mkdtempSync(join(tmpdir(), 'syswire-fakegit-'));
const realPath = process.env.PATH;
afterAll(() => rmSync(bin, { recursive: true, force: true }));
afterEach(() => {
  process.env.PATH = realPath;
});

function fakeGit(version: string): void {
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho '${version}'\n`);
  chmodSync(join(bin, 'git'), 0o755);
  process.env.PATH = `${bin}:${realPath}`;
}

describe('checkGitVersion', () => {
  it('accepts the git on this machine', () => {
    expect(() => checkGitVersion(bin)).not.toThrow();
  });

  it.each([
    ['git version 2.25.0', undefined],
    ['git version 3.0.1', undefined],
    ['git version 2.24.4', 'git: error: git 2.24 is too old; syswire needs git 2.25 or newer'],
    ['git version 1.9.5', 'git: error: git 1.9 is too old; syswire needs git 2.25 or newer'],
    ['not a version', "git: error: cannot read the version of git from 'not a version'"],
  ])('%s', (version, message) => {
    fakeGit(version);
    if (message === undefined) expect(() => checkGitVersion(bin)).not.toThrow();
    else expect(() => checkGitVersion(bin)).toThrow(message);
  });

  it('a command that runs git refuses an old git with a located error, exit 1', async () => {
    fakeGit('git version 2.20.1');
    const res = await runCaptured('series', 'defs/sframe.yaml');
    expect(res).toEqual({ code: 1, out: '', err: 'git: error: git 2.20 is too old; syswire needs git 2.25 or newer\n' });
  });
});
