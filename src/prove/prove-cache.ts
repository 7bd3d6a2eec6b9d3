/**
 * The kernel builds `prove` keeps, one directory per key under
 * .cache/prove/ (ignored by git):
 *
 *     <key>/src/           the patched hard-link copy of the tree
 *     <key>/build/         make's O= for the image
 *     <key>/headers-<arch>/ headers_install output per kernel ARCH
 *     <key>/logs/          tinyconfig, olddefconfig, build, headers logs
 *     <key>/manifest.json  written last: the build is complete
 *
 * The key hashes everything the kernel is made from: the tree's identity
 * (every file's path, size and modification time, so an edited tree is a
 * new key), the diffs of the series' mails (not their headers), the entry unit, the arch and its
 * config fragment.  Nothing else goes in, so a second run with nothing
 * changed finds the manifest and boots the stored image.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KernelManifest {
  key: string;
  arch: string;
  /** Absolute paths inside the key's directory. */
  image: string;
  genInitCpio: string;
  /** Kernel ARCH -> headers_install include/ directory. */
  headers: Record<string, string>;
  buildSeconds: number;
}

export interface KeyInput {
  treeIdentity: string;
  arch: string;
  patches: readonly string[];
  entryUnit: string;
  configFragment: string;
}

export function cacheKey(input: KeyInput): string {
  const h = createHash('sha256');
  // Length-prefixed parts: no two different inputs concatenate to the same bytes.
  for (const part of ['syswire-prove-2', input.treeIdentity, input.arch, ...input.patches.map(diffPart), input.entryUnit, input.configFragment]) {
    h.update(`${Buffer.byteLength(part)}:`).update(part);
  }
  h.update(String(input.patches.length));
  return h.digest('hex').slice(0, 20);
}

/** A mail's diff, from its first `diff --git` line: its headers (recipients, date, ids) build nothing. */
export function diffPart(mail: string): string {
  const at = mail.indexOf('\ndiff --git ');
  return at < 0 ? mail : mail.slice(at + 1);
}

/** A digest of every file's path, size and mtime in `root`, in a stable order. */
export function treeIdentity(root: string): string {
  const h = createHash('sha256');
  const walk = (rel: string) => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        walk(path);
        continue;
      }
      const st = lstatSync(join(root, path));
      h.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  walk('');
  return h.digest('hex');
}

export function readManifest(dir: string): KernelManifest | undefined {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as KernelManifest;
  return existsSync(manifest.image) && existsSync(manifest.genInitCpio) ? manifest : undefined;
}

/** Written by rename, so a run killed half way never leaves a manifest for an incomplete build. */
export function writeManifest(dir: string, manifest: KernelManifest): void {
  const file = join(dir, 'manifest.json');
  writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
