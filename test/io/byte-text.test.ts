/** decodeBytes/encodeText: every byte sequence comes back as it was. */
import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeText } from '../../src/io/byte-text.js';
import { prng } from '../support/fuzz.js';

const CASES: [string, number[]][] = [
  ['ASCII', [...Buffer.from('asmlinkage long sys_x(void);\n')]],
  ['valid UTF-8', [...Buffer.from('système, ünïcode, 😀\n')]],
  ['a Latin-1 byte', [...Buffer.from('syst'), 0xe8, ...Buffer.from('me\n')]],
  ['a truncated sequence at the end', [0x61, 0xe2, 0x82]],
  ['an overlong encoding', [0xc0, 0xaf, 0x2f]],
  ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ['bytes that look like the escapes themselves', [0xed, 0xb2, 0x80, 0xff]],
  ['every byte', Array.from({ length: 256 }, (_, i) => i)],
];

describe('byte-text', () => {
  it.each(CASES)('%s round-trips', (_title, bytes) => {
    const buf = Buffer.from(bytes);
    expect(encodeText(decodeBytes(buf)).equals(buf)).toBe(true);
  });

  it('reads valid UTF-8 as UTF-8', () => {
    expect(decodeBytes(Buffer.from('système 😀'))).toBe('système 😀');
  });

  it('keeps a Latin-1 byte through an edit of the text around it', () => {
    const text = decodeBytes(Buffer.from([0x2f, 0x2a, 0x20, 0xe9, 0x20, 0x2a, 0x2f, 0x0a]));
    const edited = `${text}asmlinkage long sys_new(void);\n`;
    expect([...encodeText(edited).subarray(0, 8)]).toEqual([0x2f, 0x2a, 0x20, 0xe9, 0x20, 0x2a, 0x2f, 0x0a]);
  });

  it('round-trips random bytes', () => {
    const r = prng(11);
    for (let n = 0; n < 300; n++) {
      const buf = Buffer.from(Array.from({ length: Math.floor(r() * 64) }, () => Math.floor(r() * 256)));
      expect(encodeText(decodeBytes(buf)).equals(buf), buf.toString('hex')).toBe(true);
    }
  });
});
