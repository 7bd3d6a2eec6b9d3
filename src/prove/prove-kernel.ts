/**
 * One arch's test kernel, from the cache or built: the patched scratch
 * tree, the image and the headers the user programs compile against
 * (prove-cache.ts has the layout and the key).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchProfile } from './arch-profiles.js';
import { buildKernel, installHeaders } from './kernel-build.js';
import { configFragment } from './kernel-config.js';
import { cacheKey, readManifest, writeManifest, type KernelManifest } from './prove-cache.js';
import { makeScratchTree, type EntryUnit } from './scratch-tree.js';

export interface KernelInput {
  tree: string;
  treeIdentity: string;
  patches: readonly string[];
  entry: EntryUnit;
  cacheRoot: string;
}

export interface KernelOutcome {
  manifest: KernelManifest;
  /** The patched source tree (the selftest's sources are there). */
  src: string;
  /** The key's cache directory. */
  dir: string;
  cached: boolean;
}

/** `log` gets progress lines, `report` the compiler's error lines, `show` makes a path readable. */
export async function provideKernel(profile: ArchProfile, input: KernelInput, io: { log: (text: string) => void; report: (text: string) => void; show: (path: string) => string }): Promise<KernelOutcome> {
  const { log, report, show } = io;
  const key = cacheKey({ treeIdentity: input.treeIdentity, arch: profile.name, patches: input.patches, entryUnit: input.entry.content, configFragment: configFragment(profile) });
  const dir = join(input.cacheRoot, key);
  const src = join(dir, 'src');
  const cached = readManifest(dir);
  if (cached) return { manifest: cached, src, dir, cached: true };

  const start = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const dirs = { src, build: join(dir, 'build'), logs: join(dir, 'logs') };
  mkdirSync(dirs.logs, { recursive: true });
  log(`${profile.name}: patching a hard-link copy of the tree into ${show(dir)}\n`);
  await makeScratchTree(input.tree, src, input.patches, input.entry);
  log(`${profile.name}: building the kernel (tinyconfig + ${profile.config.length} options), log ${show(join(dirs.logs, 'build.log'))}\n`);
  const image = await buildKernel(profile, dirs, report);
  const headers: Record<string, string> = {};
  for (const arch of new Set(profile.abis.map((a) => a.headersArch))) {
    // The kernel's own ARCH installs from its build directory; another (arm for arm64's compat ABI) gets one of its own.
    const build = arch === profile.name ? dirs.build : join(dir, `build-headers-${arch}`);
    headers[arch] = await installHeaders(dirs, arch, build, join(dir, `headers-${arch}`), report);
  }
  const manifest: KernelManifest = { key, arch: profile.name, image, genInitCpio: join(dirs.build, 'usr/gen_init_cpio'), headers, buildSeconds: (performance.now() - start) / 1000 };
  writeManifest(dir, manifest);
  return { manifest, src, dir, cached: false };
}
