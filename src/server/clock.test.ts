import { describe, expect, it } from 'vitest';
import { OffsetClock } from './clock.js';

describe('OffsetClock', () => {
  it('runs with system time, moved by what has been advanced', () => {
    const clock = new OffsetClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    clock.advance(5_000_000);
    clock.advance(-1_000_000);
    expect(Math.abs(clock.now().getTime() - Date.now() - 4_000_000)).toBeLessThan(1000);
  });
});
