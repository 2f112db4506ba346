import { describe, expect, it } from 'vitest';
import { danishPossessive } from './possessive.js';

describe('danishPossessive', () => {
  it('adds an s, or an apostrophe after s, x and z', () => {
    expect(danishPossessive('Emma')).toBe('Emmas');
    expect(danishPossessive('Oscar')).toBe('Oscars');
    expect(danishPossessive('Lukas')).toBe("Lukas'");
    expect(danishPossessive('Max')).toBe("Max'");
    expect(danishPossessive('Liz')).toBe("Liz'");
    expect(danishPossessive('JONAS')).toBe("JONAS'");
  });
});
