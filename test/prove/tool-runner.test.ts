// prove's tool runner: missing tools and headers are located errors that
// name the Debian package; a run past its bound is killed.
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/model/diagnostics.js';
import { onPath, requireHeaders, requireTools, runTool } from '../../src/prove/tool-runner.js';

describe('requireTools', () => {
  it('names every missing tool once, with its package, as `tool: error:` lines', () => {
    const needs = [
      { tool: 'sh', pkg: 'dash' },
      { tool: 'qemu-system-nowhere', pkg: 'qemu-system-x86' },
      { tool: 'qemu-system-nowhere', pkg: 'qemu-system-x86' },
      { tool: 'no-such-gcc', pkg: 'gcc-12-multilib' },
    ];
    expect(() => requireTools(needs)).toThrow(DiagnosticError);
    expect(() => requireTools(needs)).toThrow(
      'qemu-system-nowhere: error: not found on PATH; install the Debian package qemu-system-x86\nno-such-gcc: error: not found on PATH; install the Debian package gcc-12-multilib',
    );
  });

  it('looks only at the PATH it is given', () => {
    expect(onPath('sh')).toBe(true);
    expect(onPath('sh', { PATH: '/nonexistent' })).toBe(false);
    expect(() => requireTools([{ tool: 'sh', pkg: 'dash' }], { PATH: '/nonexistent' })).toThrow('sh: error: not found on PATH; install the Debian package dash');
  });

  it('names a missing header with its package', () => {
    expect(() => requireHeaders([{ header: '/nonexistent/gelf.h', pkg: 'libelf-dev' }])).toThrow("/nonexistent/gelf.h: error: missing; the kernel's build tools need it: install the Debian package libelf-dev");
  });
});

describe('runTool', () => {
  it('returns the exit status and the output, stdout and stderr together', async () => {
    const r = await runTool('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toMatchObject({ status: 3, timedOut: false });
    expect(r.output.split('\n').sort()).toEqual(['', 'err', 'out']);
  });

  it('kills a run past its bound, with the children it started', async () => {
    const r = await runTool('sh', ['-c', 'sleep 30 & sleep 30; echo never'], { timeoutMs: 200 });
    expect(r.timedOut).toBe(true);
    expect(r.output).not.toContain('never');
    expect(r.seconds).toBeLessThan(10);
  });
});
