/**
 * The charset of a mail, for the text `git mailinfo -u` leaves undecoded:
 * mailinfo recodes the body from the declared charset, but it keeps raw
 * 8-bit header fields (`From: Système <…>` from an old client) as bytes,
 * and a body without a charset as it came.  Such text arrives here with
 * its bytes as lone surrogates (io/byte-text.ts) and is decoded with the
 * mail's charset, or as Windows-1252 (the superset of Latin-1 mail
 * clients mean) when it declares none or wrongly declares UTF-8.
 */
import { encodeText } from '../io/byte-text.js';

/** The charset of the mail's top-level Content-Type, if it declares one. */
export function declaredCharset(text: string): string | undefined {
  const header = text.slice(0, text.search(/\n\n|$/));
  const type = /^Content-Type:[^\n]*(?:\n[ \t][^\n]*)*/im.exec(header)?.[0];
  return type === undefined ? undefined : /charset="?([^";\s]+)/i.exec(type)?.[1];
}

/** `text` with its undecoded bytes (if any) decoded by `charset` (see the header). */
export function recodeText(text: string, charset: string | undefined): string {
  if (!/[\udc80-\udcff]/.test(text)) return text;
  const bytes = encodeText(text);
  const label = charset && !/^utf-?8$/i.test(charset) ? charset : 'windows-1252';
  let decoder: TextDecoder | undefined;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // An unknown charset: the Windows-1252 guess.
  }
  return decoder === undefined || decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/**
 * Node's TextDecoder decodes 'windows-1252' (and the labels latin1 and
 * iso-8859-1 that the WHATWG maps to it) as ISO-8859-1, so 0x80-0x9F would
 * become C1 controls instead of € ‚ ƒ „ … “ ” and the rest.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : b);
  return out;
}
