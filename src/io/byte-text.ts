/**
 * Kernel files and mails are bytes, not always UTF-8: a Latin-1 name in a
 * comment of syscalls.h, a mail from an old client.  syswire edits them as
 * JavaScript strings, so every byte must survive the round trip.
 *
 * decodeBytes() reads valid UTF-8 as UTF-8 and turns each byte that is not
 * part of a valid sequence into a lone surrogate U+DC80..U+DCFF (Python's
 * "surrogateescape"); encodeText() writes those back as the original
 * bytes.  For valid UTF-8, which is nearly every kernel file, both are the
 * plain UTF-8 codec.  Text that syswire writes itself is UTF-8.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text, losslessly (see the header). */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeEscaped(bytes);
  }
}

/** The bytes of a text that decodeBytes() produced (or any text: UTF-8 otherwise). */
export function encodeText(text: string): Buffer {
  if (!/[\udc80-\udcff]/.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const escaped = c >= 0xdc80 && c <= 0xdcff && !(i > 0 && isHigh(text.charCodeAt(i - 1)));
    if (!escaped) continue;
    parts.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.from([c - 0xdc00]));
    start = i + 1;
  }
  parts.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

function decodeEscaped(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) {
      out += String.fromCharCode(0xdc00 + bytes[i]!);
      i++;
    } else {
      out += utf8.decode(bytes.subarray(i, i + n));
      i += n;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates), 0 if none. */
export function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
