import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar } from './uscc.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    for (const c of ['91350100M000100Y43', '91110000600037341L', '911100001000128855'])
      expect(isValidUscc(c), c).toBe(true);
  });
  it('rejects a wrong check character, bad letters and wrong lengths', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100I43')).toBe(false); // I is not in the alphabet
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });
});
