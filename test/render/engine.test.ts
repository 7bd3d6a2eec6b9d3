/**
 * Precompiled and compiled templates must behave the same (noEscape,
 * strict, helpers), and a precompiled spec is used only for the exact
 * source it was built from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/render/engine.js';
import { precompileModule, type PrecompiledTable } from '../../src/render/template-precompile.js';
import { REPO_ROOT } from '../support/kernel-trees.js';

const require = createRequire(import.meta.url);

/** Evaluate a generated precompiled-templates module, as require() would. */
function tableOf(sources: Map<string, string>): PrecompiledTable {
  const module = { exports: {} as PrecompiledTable };
  new Function('module', precompileModule(require('handlebars'), sources))(module);
  return module.exports;
}

const SOURCE = '{{upper name}} & <{{join args ", "}}> {{kind}}\n';

describe('template engine', () => {
  const table = tableOf(new Map([['t.hbs', SOURCE]]));

  it.each([
    ['precompiled spec for the same source', table, true],
    ['no precompiled table', undefined, false],
  ] as const)('%s', (_title, given, wantPrecompiled) => {
    const { template, precompiled } = loadTemplate('t.hbs', SOURCE, given);
    expect(precompiled).toBe(wantPrecompiled);
    expect(template({ name: 'sframe_setup', args: ['a', 'b'], kind: 'x' })).toBe('SFRAME_SETUP & <a, b> x\n');
    expect(() => template({ name: 'n', args: [] })).toThrow(/"kind" not defined/);
  });

  it('an edited template is compiled, never rendered from its stale spec', () => {
    const { template, precompiled } = loadTemplate('t.hbs', SOURCE.replace('&', 'and'), table);
    expect(precompiled).toBe(false);
    expect(template({ name: 'x', args: [], kind: 'k' })).toBe('X and <> k\n');
  });

  it('every template in templates/ precompiles and loads from its spec', () => {
    const dir = join(REPO_ROOT, 'templates');
    const sources = new Map(readdirSync(dir).filter((n) => n.endsWith('.hbs')).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
    expect(sources.size).toBeGreaterThanOrEqual(8);
    const all = tableOf(sources);
    for (const [name, source] of sources) expect(loadTemplate(name, source, all).precompiled).toBe(true);
  });
});
