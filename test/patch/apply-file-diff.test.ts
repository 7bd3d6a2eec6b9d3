import { describe, expect, it } from 'vitest';
import { applyFileDiff } from '../../src/patch/apply-file-diff.js';
import { parsePatch } from '../../src/patch/patch-parser.js';

const diff = (body: string) => parsePatch(`diff --git a/f.h b/f.h\n--- a/f.h\n+++ b/f.h\n${body}`).files[0]!;
const INSERT = diff('@@ -1,3 +1,4 @@\n a\n b\n+ours\n c\n');

describe('applyFileDiff', () => {
  it('applies with git, allowing an offset', () => {
    expect(applyFileDiff('new\na\nb\nc\n', INSERT)).toEqual({ text: 'new\na\nb\nours\nc\n' });
  });

  it('appends after what the new base inserted at the same place', () => {
    expect(applyFileDiff('a\nb\ntheirs\nc\n', INSERT)).toEqual({ text: 'a\nb\ntheirs\nours\nc\n' });
  });

  it("returns git's complaint when neither rule places the hunk", () => {
    const res = applyFileDiff('a\nx\nc\n', INSERT);
    expect(res).toHaveProperty('error');
    expect((res as { error: string }).error).toMatch(/patch failed: f\.h:1/);
  });
});
