/**
 * The template engine compiles with noEscape (C's `&` and `<` stay as
 * they are), strict (a missing view field is an error) and syswire's
 * helpers, and every template in templates/ compiles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/render/engine.js';
import { REPO_ROOT } from '../support/kernel-trees.js';

const SOURCE = '{{upper name}} & <{{join args ", "}}> {{kind}}\n';

describe('template engine', () => {
  it('keeps C text unescaped and applies the helpers', () => {
    expect(compileTemplate(SOURCE)({ name: 'sframe_setup', args: ['a', 'b'], kind: 'x' })).toBe('SFRAME_SETUP & <a, b> x\n');
  });

  it('fails on a missing view field instead of printing nothing', () => {
    expect(() => compileTemplate(SOURCE)({ name: 'n', args: [] })).toThrow(/"kind" not defined/);
  });

  it('compiles every template in templates/', () => {
    const dir = join(REPO_ROOT, 'templates');
    const names = readdirSync(dir).filter((n) => n.endsWith('.hbs'));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      // Handlebars compiles on the first call; a syntax error throws there, a missing field later.
      const template = compileTemplate(readFileSync(join(dir, name), 'utf8'));
      expect(() => template({}), name).not.toThrow(/Parse error/);
    }
  });
});
