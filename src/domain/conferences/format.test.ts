import { describe, expect, it } from 'vitest';
import { formatOf } from './format.js';

describe('a home’s conference format', () => {
  it('is its own choice, else the round’s first, else in person', () => {
    expect(formatOf({ format: 'video', formats: ['in_person', 'video'] })).toBe('video');
    expect(formatOf({ format: null, formats: ['phone', 'in_person'] })).toBe('phone');
    expect(formatOf({ format: null, formats: [] })).toBe('in_person');
  });
});
