import { describe, expect, it } from 'vitest';
import { validateDeaNumber } from './dea-number.ts';

/**
 * Check digits computed by hand with the DEA rule (d1+d3+d5) + 2*(d2+d4+d6), last digit:
 * AB1234563: 1+3+5 = 9, 2*(2+4+6) = 24, 33 -> 3.
 * BJ6125341: 6+2+3 = 11, 2*(1+5+4) = 20, 31 -> 1.
 * MS0000000: 0 -> 0.   FD9876542: 9+7+5 = 21, 2*(8+6+4) = 36, 57 -> 7 (so ...2 is wrong, ...7 right).
 */
describe('validateDeaNumber', () => {
  it.each([
    ['AB1234563', 'AB1234563'],
    ['BJ6125341', 'BJ6125341'],
    ['MS0000000', 'MS0000000'],
    ['FD9876547', 'FD9876547'],
    ['A91234563', 'A91234563'], // '9' as second character: practitioners registered under a business name
    ['  ab1234563 ', 'AB1234563'], // trimmed and upper-cased
    ['xk1234563', 'XK1234563'],
  ])('accepts %j as %s', (input, normalized) => {
    expect(validateDeaNumber(input)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['AB1234564', 'check_digit'],
    ['FD9876542', 'check_digit'],
    ['BA1234563', 'ok'], // swapping letters leaves digits valid: the check covers digits only
    ['AB2134563', 'check_digit'], // transposed d1/d2 is caught because the weights differ
    ['IB1234563', 'format'], // I is not a registrant type
    ['NB1234563', 'format'],
    ['ZB1234563', 'format'],
    ['A11234563', 'format'], // second character a digit other than 9
    ['9B1234563', 'format'],
    ['AB123456', 'format'],
    ['AB12345630', 'format'],
    ['AB 1234563', 'format'],
    ['AB123456X', 'format'],
    ['', 'format'],
    ['   ', 'format'],
  ])('classifies %j as %s', (input, expected) => {
    const result = validateDeaNumber(input);
    if (expected === 'ok') expect(result.ok).toBe(true);
    else {
      expect(result).toMatchObject({ ok: false, reason: expected });
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts every registrant-type letter and refuses every other letter', () => {
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const ok = validateDeaNumber(`${letter}B1234563`).ok;
      expect(ok, letter).toBe('ABCDEFGHJKLMPRSTUX'.includes(letter));
    }
  });
});
