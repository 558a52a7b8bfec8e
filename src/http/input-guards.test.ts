import { describe, expect, it } from 'vitest';
import { findNul } from './input-guards.ts';

describe('findNul', () => {
  it('names the first string holding a NUL, however deep', () => {
    expect(findNul({ demographics: { givenName: 'Ann', familyName: 'Bo\u0000b' } })).toBe('body.demographics.familyName');
    expect(findNul({ items: ['ok', 'x\u0000'] })).toBe('body.items.1');
  });

  it('names a key holding a NUL', () => {
    expect(findNul({ 'a\u0000': 1 })).toBe('body.a\u0000');
  });

  it('passes clean bodies, numbers, nulls and no body', () => {
    expect(findNul({ a: 'plain', b: 3, c: null, d: [true] })).toBeUndefined();
    expect(findNul(undefined)).toBeUndefined();
    expect(findNul('text')).toBeUndefined();
  });
});
