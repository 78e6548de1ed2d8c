import { describe, expect, it } from 'vitest';
import { bitAt, decodeStatusList, encodeStatusList, STATUS_LIST_BITS } from './status-list.js';

// W3C Bitstring Status List v1.0, §2.1 example: the encodedList of a list of 131,072 bits, none set.
const SPEC_EMPTY = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

describe('bitstring status list', () => {
  it('encodes an empty list as the specification’s example does, and reads it back', () => {
    expect(encodeStatusList([])).toBe(SPEC_EMPTY);
    const bits = decodeStatusList(SPEC_EMPTY);
    expect(bits.length * 8).toBe(STATUS_LIST_BITS);
    expect(bits.every((b) => b === 0)).toBe(true);
  });

  it('sets index 0 as the left-most bit of the first byte, and grows past 131,072 bits', () => {
    const bits = decodeStatusList(encodeStatusList([0, 9, 131_071]));
    expect(bits[0]).toBe(0x80);
    expect(bits[1]).toBe(0x40);
    expect([0, 9, 131_071].every((i) => bitAt(bits, i))).toBe(true);
    expect(bitAt(bits, 1) || bitAt(bits, 8) || bitAt(bits, -1) || bitAt(bits, STATUS_LIST_BITS)).toBe(false);
    expect(decodeStatusList(encodeStatusList([STATUS_LIST_BITS])).length * 8).toBe(2 * STATUS_LIST_BITS);
  });
});
