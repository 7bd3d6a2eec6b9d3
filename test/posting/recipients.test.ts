import { describe, expect, it } from 'vitest';
import { addressOf, mergeRecipients, sortByRole, unionRecipients } from '../../src/posting/recipients.js';

// get_maintainer.pl --roles --no-rolestats output, as 7.3 prints it for an arch wire-up.
const OUTPUT = [
  'Catalin Marinas <catalin.marinas@arm.com> (maintainer:ARM64 PORT (AARCH64 ARCHITECTURE))',
  'Mark Rutland <mark.rutland@arm.com> (reviewer:ARM64 PORT (AARCH64 ARCHITECTURE))',
  'x86@kernel.org (maintainer:X86 ARCHITECTURE (32-BIT AND 64-BIT))',
  'Arnd Bergmann <arnd@arndb.de>',
  'linuxppc-dev@lists.ozlabs.org (open list:LINUX FOR POWERPC (32-BIT AND 64-BIT))',
  'linux-arm-kernel@lists.infradead.org (moderated list:ARM64 PORT (AARCH64 ARCHITECTURE))',
  'linux-kernel@vger.kernel.org (open list)',
  '',
].join('\n');

describe('recipients', () => {
  it('sorts get_maintainer.pl entries by role: people to To, lists to Cc, roles dropped', () => {
    expect(sortByRole(OUTPUT)).toEqual({
      to: ['Catalin Marinas <catalin.marinas@arm.com>', 'Mark Rutland <mark.rutland@arm.com>', 'x86@kernel.org', 'Arnd Bergmann <arnd@arndb.de>'],
      cc: ['linuxppc-dev@lists.ozlabs.org', 'linux-arm-kernel@lists.infradead.org', 'linux-kernel@vger.kernel.org'],
    });
  });

  it('adds the fixed Cc and the definition addresses, drops -addr, never lists one address twice', () => {
    const found = sortByRole(OUTPUT);
    const merged = mergeRecipients(found, { to: ['Me <me@example.org>', '-X86@kernel.org'], cc: ['-linux-kernel@vger.kernel.org', 'arnd@arndb.de', 'extra@example.org'], alwaysCc: ['linux-api@vger.kernel.org'] });
    expect(merged.to).toEqual(['Catalin Marinas <catalin.marinas@arm.com>', 'Mark Rutland <mark.rutland@arm.com>', 'Arnd Bergmann <arnd@arndb.de>', 'Me <me@example.org>']);
    expect(merged.cc).toEqual(['linuxppc-dev@lists.ozlabs.org', 'linux-arm-kernel@lists.infradead.org', 'linux-api@vger.kernel.org', 'extra@example.org']);
  });

  it('the union keeps To first and takes out of Cc what is in To', () => {
    expect(unionRecipients([{ to: ['a@x'], cc: ['l@x'] }, { to: ['b@x', 'A@x'], cc: ['a@x', 'm@x'] }])).toEqual({ to: ['a@x', 'b@x'], cc: ['l@x', 'm@x'] });
    expect(addressOf('"Doe, J." <J@Example.org>')).toBe('j@example.org');
  });
});
