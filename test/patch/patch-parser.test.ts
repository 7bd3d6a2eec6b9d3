import { describe, expect, it } from 'vitest';
import { parsePatch, PatchParseError, printFileDiff } from '../../src/patch/patch-parser.js';

const MAIL = `From 0 Mon Sep 17 00:00:00 2001
Subject: [PATCH] x

---
 a.c | 1 +

diff --git a/a.c b/a.c
index 1111111..2222222 100644
--- a/a.c
+++ b/a.c
@@ -2,3 +2,4 @@ int main(void)
 one
-two
+deux
+trois
 three
diff --git a/n.h b/n.h
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/n.h
@@ -0,0 +1 @@
+#define N 1
\\ No newline at end of file
-- 
2.39.5
`;

describe('parsePatch', () => {
  it('reads files and hunks by their counts, leaving the signature out', () => {
    const parsed = parsePatch(MAIL);
    expect(parsed.head).toContain('Subject: [PATCH] x');
    expect(parsed.files.map((f) => [f.oldPath, f.newPath])).toEqual([
      ['a.c', 'a.c'],
      [undefined, 'n.h'],
    ]);
    const [hunk] = parsed.files[0]!.hunks;
    expect(hunk).toMatchObject({ oldStart: 2, oldCount: 3, newStart: 2, newCount: 4, header: '@@ -2,3 +2,4 @@ int main(void)' });
    expect(hunk!.lines.map((l) => l.kind + l.text)).toEqual([' one', '-two', '+deux', '+trois', ' three']);
    expect(parsed.files[1]!.hunks[0]!.lines).toEqual([{ kind: '+', text: '#define N 1' }]);
  });

  it('prints a file diff git can read back', () => {
    const file = parsePatch(MAIL).files[1]!;
    expect(printFileDiff(file)).toBe('diff --git a/n.h b/n.h\nnew file mode 100644\n--- /dev/null\n+++ b/n.h\n@@ -0,0 +1 @@\n+#define N 1\n');
  });

  it('reads a plain unified diff (quilt, GNU diff) without diff --git lines', () => {
    const quilt = 'Subject: [patch] x\n---\n--- a/a.c\t2024-01-01\n+++ b/a.c\n@@ -1 +1,2 @@\n one\n+two\n--- /dev/null\n+++ b/n.h\n@@ -0,0 +1 @@\n+#define N 1\n';
    const parsed = parsePatch(quilt);
    expect(parsed.head).toBe('Subject: [patch] x\n---\n');
    expect(parsed.files.map((f) => [f.oldPath, f.newPath, f.hunks.length])).toEqual([
      ['a.c', 'a.c', 1],
      [undefined, 'n.h', 1],
    ]);
  });

  it('rejects a truncated hunk', () => {
    expect(() => parsePatch('diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,3 +1,3 @@\n x\n')).toThrow(PatchParseError);
  });
});
