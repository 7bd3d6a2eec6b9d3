/**
 * A draft man page per syscall, man2/<name>.2, in the man-pages project's
 * current layout (`.TH name 2 <date> "Linux man-pages (unreleased)"`, as
 * pages in its git tree read before a release; NAME, LIBRARY, SYNOPSIS with
 * syscall(SYS_<name>, ...) since glibc has no wrapper, the struct,
 * DESCRIPTION from the definition's docs, RETURN VALUE, ERRORS, STANDARDS,
 * HISTORY, SEE ALSO).  Pure: the page is text; man-renderer.ts renders it.
 *
 * ERRORS lists what the entry point skeleton returns and the selftest
 * checks (selftest.ts): E2BIG, EFAULT and EINVAL for a size-extensible
 * struct, EINVAL for unknown flag bits.  The rest is the author's to write.
 */
import type { Defs, StructDef, SyscallDef } from '../model/defs-schema.js';
import type { PlannedCall } from '../plan/numbering.js';
import { renderTemplate } from '../render/engine.js';
import { splitDeclaration } from '../render/entry-skeleton.js';
import { upper } from '../render/helpers.js';

export interface ManPage {
  /** `man2/<name>.2`. */
  path: string;
  text: string;
}

/** Text safe in roff: a backslash printed as one, no control character at a line's start. */
export function roffText(text: string): string {
  return text.replace(/\\/g, '\\e').replace(/^([.'])/gm, '\\&$1');
}

/** `7.3` -> `7.4`: the release a call merged now would first appear in. */
export function nextRelease(version: string | undefined): string {
  const m = /^(\d+)\.(\d+)$/.exec(version ?? '');
  return m ? `${m[1]}.${Number(m[2]) + 1}` : '(unreleased)';
}

/** One page per call; `date` is the posting's (RFC 2822), `treeVersion` the tree's `7.3`. */
export function renderManPages(defs: Defs, calls: readonly PlannedCall[], treeVersion: string | undefined, date: string): ManPage[] {
  return calls.map((c) => ({ path: `man2/${c.def.name}.2`, text: renderTemplate('man/syscall.2.hbs', manView(c.def, defs, date, nextRelease(treeVersion))) }));
}

function manView(def: SyscallDef, defs: Defs, date: string, since: string) {
  const params = def.args.map(splitDeclaration).map((p) => ({ type: p.type.replace(/\s*\b__user\b\s*/g, ' ').trim(), name: p.name }));
  const summary = (def.doc ?? 'undocumented system call').replace(/\.$/, '');
  const ext = def.extensible;
  const structParam = ext ? params.find((p) => p.name === ext.struct_arg) : undefined;
  const struct = structParam ? defs.structs.find((s) => structParam.type.startsWith(`struct ${s.name} `)) : undefined;
  const headers = [...new Set(defs.structs.filter((s) => s === struct).map((s) => s.header.replace(/^include\/uapi\//, '')))];
  const width = Math.max(...headers.map((h) => h.length), 'sys/syscall.h'.length) + 2;
  const pad = (h: string) => ' '.repeat(width - h.length);
  return {
    year: yearOf(date),
    author: defs.series.author,
    name: def.name,
    summary: roffText(summary),
    sentence: roffText(summary.charAt(0).toUpperCase() + summary.slice(1)),
    date: isoDay(date),
    headers: headers.map((h) => ({ path: h, pad: pad(h), what: `struct ${struct!.name}` })),
    syscallPad: pad('sys/syscall.h'),
    synopsis: synopsisLine(def.name, params),
    struct: struct && ext ? structView(struct, ext) : false,
    errors: errorsOf(def, struct),
    since,
  };
}

/** `.BI "long syscall(SYS_x, struct s *" data ", size_t " size );`: types bold, names italic. */
function synopsisLine(name: string, params: readonly { type: string; name: string }[]): string {
  if (params.length === 0) return `.B "long syscall(SYS_${name});"`;
  const words: string[] = [];
  params.forEach((p, i) => {
    const gap = p.type.endsWith('*') ? '' : ' ';
    words.push(`"${i === 0 ? `long syscall(SYS_${name}, ` : ', '}${p.type}${gap}"`, p.name);
  });
  return `.BI ${words.join(' ')} );`;
}

function structView(struct: StructDef, ext: NonNullable<SyscallDef['extensible']>) {
  const decls = struct.fields.map((f) => `${f.type} ${f.name}${f.count ? `[${f.count}]` : ''}`);
  const width = Math.max(...decls.map((d) => d.length)) + 2;
  return {
    name: struct.name,
    doc: roffText(struct.doc),
    arg: ext.struct_arg,
    size: ext.size_arg,
    ver0: `${upper(struct.name)}_SIZE_VER0`,
    flags: ext.flags_field ?? '',
    flagList: struct.flags.map((f) => ({ name: f.name, doc: roffText(f.doc) })),
    fields: struct.fields.map((f, i) => ({ name: f.name, decl: decls[i]!, pad: ' '.repeat(width - decls[i]!.length - 1), doc: roffText(f.doc.replace(/\.$/, '')) })),
  };
}

/** The errors skeleton and selftest agree on, in man-pages' alphabetical order. */
function errorsOf(def: SyscallDef, struct: StructDef | undefined): { code: string; lines: string[] }[] {
  const errors: { code: string; lines: string[] }[] = [];
  const ext = def.extensible;
  if (ext && struct) {
    const ver0 = `${upper(struct.name)}_SIZE_VER0`;
    errors.push(
      { code: 'E2BIG', lines: ['.I ' + ext.size_arg, 'is larger than the page size,', 'or larger than the structure the kernel knows', 'with bytes past its end that are not zero.'] },
      { code: 'EFAULT', lines: ['.I ' + ext.struct_arg, 'points outside the accessible address space.'] },
      { code: 'EINVAL', lines: ['.I ' + ext.size_arg, 'is smaller than', `.BR ${ver0} .`] },
    );
    if (ext.flags_field) errors.push({ code: 'EINVAL', lines: [`.I ${ext.struct_arg}\\->${ext.flags_field}`, struct.flags.length > 0 ? 'has a bit set that no flag defines.' : 'is not zero.'] });
  } else if (def.args.some((a) => splitDeclaration(a).name === 'flags')) {
    errors.push({ code: 'EINVAL', lines: ['.I flags', 'has a bit set that no flag defines.'] });
  }
  if (errors.length === 0) errors.push({ code: 'ENOSYS', lines: ['The kernel does not provide this system call.'] });
  return errors;
}

/**
 * The page's date, YYYY-MM-DD: the series' (man-pages' git tree writes
 * `(date)` until a release, which mandoc -Tlint warns about).
 */
function isoDay(date: string): string {
  const when = new Date(date);
  return Number.isNaN(when.getTime()) ? '(date)' : when.toISOString().slice(0, 10);
}

function yearOf(date: string): string {
  return isoDay(date).slice(0, 4);
}
