// The entry skeleton for calls with a compat entry (64-bit arguments, a
// compat struct) and the flag checks; sframe's own skeleton is the golden
// test/golden/sframe-entry.c.
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { assignNumbers } from '../../src/plan/numbering.js';
import { renderEntrySkeletons } from '../../src/render/entry-skeleton.js';
import { renderStruct } from '../../src/render/uapi-header.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, TREE_73 } from '../support/kernel-trees.js';

const tree = loadTree(TREE_73);
const skeleton = (loaded: ReturnType<typeof loadDefsFile>) => renderEntrySkeletons(loaded.defs, assignNumbers(tree, loaded));
const inline = (yaml: string) => loadDefinitions('x.yaml', `series: { name: x, subject: s, author: "A <a@b>" }\n${yaml}`);

describe('a call with two loff_t arguments', () => {
  const text = skeleton(loadDefsFile('test/fixtures/range-call.yaml'));

  it('shares do_frob_fill() between SYSCALL_DEFINE4, the ARCH_SPLIT_ARG64 SYSCALL_DEFINE6 and COMPAT_SYSCALL_DEFINE6, as fs/open.c shares ksys_fallocate()', () => {
    expect(text).toContain('static long do_frob_fill(int fd, int mode, loff_t offset, loff_t len)\n{\n\treturn -EOPNOTSUPP;\n}\n');
    expect(text).toContain('#ifndef CONFIG_ARCH_SPLIT_ARG64\n/**\n * sys_frob_fill - fill a byte range of a file.\n');
    expect(text).toContain(
      'SYSCALL_DEFINE4(frob_fill, int, fd, int, mode, loff_t, offset, loff_t, len)\n{\n\treturn do_frob_fill(fd, mode, offset, len);\n}\n' +
        '#else\nSYSCALL_DEFINE6(frob_fill, int, fd, int, mode, SC_ARG64(offset), SC_ARG64(len))\n{\n' +
        '\treturn do_frob_fill(fd, mode, SC_VAL64(loff_t, offset),\n\t\t\t    SC_VAL64(loff_t, len));\n}\n#endif\n',
    );
    expect(text).toContain(
      '#ifdef CONFIG_COMPAT\nCOMPAT_SYSCALL_DEFINE6(frob_fill, int, fd, int, mode,\n\t\t       compat_arg_u64_dual(offset), compat_arg_u64_dual(len))\n{\n' +
        '\treturn do_frob_fill(fd, mode, compat_arg_u64_glue(offset),\n\t\t\t    compat_arg_u64_glue(len));\n}\n#endif\n',
    );
  });
});

describe('a struct that lays out differently on i386', () => {
  const text = skeleton(loadDefsFile('test/fixtures/compat-struct.yaml'));

  it('declares struct compat_frob_args with compat_u64 fields and converts it field by field', () => {
    expect(text).toContain('struct compat_frob_args {\n\t__u32 mode;\n\tcompat_u64 offset;\n\tcompat_u64 flags;\n};\n');
    expect(text).toContain('COMPAT_SYSCALL_DEFINE2(frob_args, struct compat_frob_args __user *, uargs,\n\t\t       size_t, usize)\n');
    expect(text).toContain('\tif (usize < offsetofend(struct compat_frob_args, flags))\n\t\treturn -EINVAL;\n');
    expect(text).toContain('\tkargs.mode = cargs.mode;\n\tkargs.offset = cargs.offset;\n\tkargs.flags = cargs.flags;\n\n\treturn do_frob_args(&kargs);\n');
  });

  it('rejects unknown flag bits once, in do_frob_args(), against the mask of the known flags', () => {
    expect(text.match(/~\(FROB_F_ONE \| FROB_F_TWO\)/g)).toHaveLength(1);
    expect(text).toContain('static long do_frob_args(const struct frob_args *kargs)\n{\n\tif (kargs->flags & ~(FROB_F_ONE | FROB_F_TWO))\n\t\treturn -EINVAL;\n');
  });

  it('writes the flags of a 64-bit flags field as (1ULL << n)', () => {
    const struct = loadDefsFile('test/fixtures/compat-struct.yaml').defs.structs[0]!;
    expect(renderStruct(struct)).toContain('#define FROB_F_ONE (1ULL << 0) /* the first flag */\n#define FROB_F_TWO (1ULL << 1) /* the second flag */');
    const narrow = { ...struct, fields: struct.fields.map((f) => (f.name === 'flags' ? { ...f, type: '__u32' as const } : f)) };
    expect(renderStruct(narrow)).toContain('#define FROB_F_ONE (1U << 0) /* the first flag */');
  });
});

describe('a plain flags argument', () => {
  it('must be zero while no flags are defined', () => {
    const text = skeleton(inline('syscalls:\n  - { name: frob_plain, args: ["int fd", "unsigned int flags"] }\n'));
    expect(text).toContain('SYSCALL_DEFINE2(frob_plain, int, fd, unsigned int, flags)\n{\n\tif (flags)\t/* no flags are defined yet */\n\t\treturn -EINVAL;\n\n\treturn -EOPNOTSUPP;\n}\n');
  });

  it('is checked against the flags of the call\'s struct', () => {
    const text = skeleton(
      inline(
        'syscalls:\n  - { name: frob_plain, args: ["struct frob_opts __user *opts", "unsigned int flags"] }\n' +
          'structs:\n  - name: frob_opts\n    header: include/uapi/linux/frob.h\n    doc: options\n    fields: [{ name: flags, type: __u32, doc: flags }]\n    flags: [{ name: FROB_A, bit: 0, doc: a }, { name: FROB_B, bit: 3, doc: b }]\n',
      ),
    );
    expect(text).toContain('\tif (flags & ~(FROB_A | FROB_B))\n\t\treturn -EINVAL;\n\n\treturn -EOPNOTSUPP;\n');
  });
});
