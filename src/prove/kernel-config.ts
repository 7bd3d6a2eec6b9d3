/**
 * The kernel configuration `prove` builds: `make tinyconfig`, then the
 * arch's options (arch-profiles.ts) through the tree's own
 * `scripts/config --enable`, then `make olddefconfig` to settle the
 * dependencies.  Kconfig silently drops an option whose dependencies are
 * not met, so the resulting .config is read back and every wanted option
 * must be `=y`.
 *
 * .config lines are `CONFIG_FOO=y`, `CONFIG_FOO="text"` or
 * `# CONFIG_FOO is not set`.
 */
import type { ArchProfile } from './arch-profiles.js';

/** `scripts/config` arguments that enable the arch's options. */
export function configArgs(profile: ArchProfile, configFile: string): string[] {
  return ['--file', configFile, ...profile.config.flatMap((c) => ['--enable', c.option])];
}

/** The options as a config fragment, one `CONFIG_X=y` line each: what the cache key hashes. */
export function configFragment(profile: ArchProfile): string {
  return profile.config.map((c) => `CONFIG_${c.option}=y\n`).join('');
}

/** The value of every option set in a .config (`y`, `m`, a number or a quoted string). */
export function readConfig(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^CONFIG_(\w+)=(.*)$/.exec(line);
    if (m) values.set(m[1]!, m[2]!);
  }
  return values;
}

/** The wanted options that did not end up `=y`, each with why it was wanted. */
export function droppedOptions(profile: ArchProfile, configText: string): { option: string; why: string }[] {
  const values = readConfig(configText);
  return profile.config.filter((c) => values.get(c.option) !== 'y');
}
