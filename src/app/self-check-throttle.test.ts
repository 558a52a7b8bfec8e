import { describe, expect, it } from 'vitest';
import { createSelfCheckThrottle } from './self-check-throttle.ts';

describe('createSelfCheckThrottle', () => {
  it('lets the limit through in a minute, refuses the next with the seconds to wait, and counts each address apart', () => {
    const throttle = createSelfCheckThrottle(3);
    expect([0, 1000, 2000].map((at) => throttle.take('10.0.0.1', at))).toEqual([0, 0, 0]);
    expect(throttle.take('10.0.0.1', 30_000)).toBe(30);
    expect(throttle.take('10.0.0.2', 30_000)).toBe(0);
  });

  it('lets the address through again once the first hit is a minute old', () => {
    const throttle = createSelfCheckThrottle(2);
    throttle.take('10.0.0.1', 0);
    throttle.take('10.0.0.1', 10_000);
    expect(throttle.take('10.0.0.1', 59_999)).toBeGreaterThan(0);
    expect(throttle.take('10.0.0.1', 60_000)).toBe(0);
  });
});
