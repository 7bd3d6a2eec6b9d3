/**
 * A Kconfig option in the format of init/Kconfig's syscall options
 * (ADVISE_SYSCALLS, MEMBARRIER, CACHESTAT_SYSCALL): `config NAME`, then
 * TAB-indented `bool "prompt" [if COND]`, `depends on EXPR`, `default y`
 * (depends first, as in five of six options of the tree that have both)
 * and `help`, the help text indented with a TAB and two spaces (a
 * paragraph with lines past column 80 re-wrapped) with blank lines between
 * paragraphs.  Also the Makefile line that builds the implementation only
 * when the option is on.
 */
import type { ConfigDef, SeriesDef } from '../model/defs-schema.js';
import { renderLines, renderTemplate } from './engine.js';
import { wrapWords } from './helpers.js';

/** Help text width after the TAB and two spaces, so lines end by column 80. */
const HELP_WIDTH = 70;
const HELP_INDENT = '\t  ';

export interface KconfigOptionContext {
  /** The calls the option configures, for the default prompt. */
  calls: readonly string[];
  /** The prompt's visibility condition, learnt from the neighbouring options (`EXPERT`), or none. */
  condition?: string;
}

export function renderKconfigOption(config: ConfigDef, ctx: KconfigOptionContext): string[] {
  return renderLines('kconfig-option.hbs', {
    name: config.name,
    prompt: config.prompt ?? defaultPrompt(ctx.calls),
    condition: ctx.condition ?? '',
    defaultY: config.default,
    depends: config.depends ?? '',
    help: helpLines(config),
  });
}

/** `Enable cachestat() system call`, `Enable a() and b() system calls`. */
export function defaultPrompt(calls: readonly string[]): string {
  const named = calls.map((c) => `${c}()`);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
  return `Enable ${list} system call${calls.length > 1 ? 's' : ''}`;
}

/** The help paragraphs as written; a paragraph with a line too long for the width is re-wrapped. */
function helpLines(config: ConfigDef): string[] {
  const paragraphs = config.help.split(/\n[ \t]*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return paragraphs.flatMap((p, i) => {
    const lines = p.split('\n').map((l) => l.trim());
    const fitted = lines.every((l) => l.length <= HELP_WIDTH) ? lines : wrapWords(p, HELP_WIDTH);
    return [...(i > 0 ? [''] : []), ...fitted.map((l) => HELP_INDENT + l)];
  });
}

/**
 * The line that ties the implementation to the option, for the Makefile
 * beside the object: `obj-$(CONFIG_SFRAME_SYSCALLS) += sframe.o` in
 * kernel/Makefile.  With the option off the object is not built and
 * kernel/sys_ni.c's COND_SYSCALL stubs answer -ENOSYS.
 */
export function renderObjectLine(series: Pick<SeriesDef, 'name' | 'config'>): { makefile: string; line: string } | undefined {
  if (!series.config) return undefined;
  const object = series.config.object ?? `kernel/${series.name}.o`;
  const slash = object.lastIndexOf('/');
  const line = renderTemplate('makefile-obj.mk.hbs', { name: series.config.name, object: object.slice(slash + 1) }).trimEnd();
  return { makefile: `${object.slice(0, slash)}/Makefile`, line };
}
