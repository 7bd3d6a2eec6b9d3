// The editor schema defs/syswire.schema.json is generated from the zod
// schema (`npm run schema`); it must not drift, and the shipped
// definitions must validate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionJsonSchema } from '../../src/model/defs-schema.js';
import { loadDefsFile } from '../support/definitions.js';
import { REPO_ROOT } from '../support/kernel-trees.js';

describe('definition schema', () => {
  it('defs/syswire.schema.json is current (regenerate with npm run schema)', () => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'defs/syswire.schema.json'), 'utf8'));
    expect(committed).toEqual(definitionJsonSchema());
  });

  it.each(['defs/sframe.yaml', 'defs/sframe-v2.yaml'])('%s is valid', (file) => {
    const { defs } = loadDefsFile(file);
    expect(defs.syscalls.map((s) => s.name)).toEqual(['sframe_register', 'sframe_unregister']);
  });

  it('v3 adds the flags field and size-extensible semantics the v2 review asked for', () => {
    const v2 = loadDefsFile('defs/sframe-v2.yaml').defs.structs[0]!;
    const v3 = loadDefsFile('defs/sframe.yaml').defs.structs[0]!;
    expect(v2.extensible).toBe(false);
    expect(v3.extensible).toBe(true);
    expect(v3.fields.map((f) => f.name)).toEqual(['flags', ...v2.fields.map((f) => f.name)]);
    expect(v3.fields[0]!.type).toBe('__u64');
  });
});
