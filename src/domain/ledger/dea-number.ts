/**
 * DEA registration number check (issue 5, item 1): two letters and seven digits, the seventh a check digit.
 * The format and the check-digit rule are not in DOMAIN.md section 10; they follow the public description by the
 * DEA Diversion Control Division of how registration numbers are built [M] (verify before relying on the letter set).
 */

/**
 * First letter = registrant type [M]. The DEA's public description names A, B, F, G (hospital, clinic,
 * practitioner, teaching institution, pharmacy), M (mid-level practitioner) and P, R (manufacturer, distributor,
 * researcher, lab, importer, exporter, reverse distributor, narcotic treatment program); C, D, E, H, J, K, L, S, T,
 * U and X are accepted too, as the ledger contract lists them. I, N, O, Q, V, W, Y and Z are refused.
 */
export const DEA_FIRST_LETTERS = 'ABCDEFGHJKLMPRSTUX';

export type DeaNumberResult = { ok: true; normalized: string } | { ok: false; reason: 'format' | 'check_digit'; message: string };

/** Validates a DEA number after trimming and upper-casing: [registrant type][last-name initial or '9'][7 digits],
 *  check digit = last digit of (d1+d3+d5) + 2*(d2+d4+d6). Source: DEA Diversion Control Division description [M]. */
export function validateDeaNumber(value: string): DeaNumberResult {
  const normalized = value.trim().toUpperCase();
  if (!/^[A-Z][A-Z9][0-9]{7}$/.test(normalized)) {
    return {
      ok: false,
      reason: 'format',
      message: 'a DEA number is two letters (the second may be 9) followed by seven digits, e.g. AB1234563',
    };
  }
  if (!DEA_FIRST_LETTERS.includes(normalized[0]!)) {
    return {
      ok: false,
      reason: 'format',
      message: `a DEA number starts with a registrant-type letter (${DEA_FIRST_LETTERS.split('').join(' ')})`,
    };
  }
  const digits = Array.from(normalized.slice(2), Number);
  const [d1, d2, d3, d4, d5, d6, check] = digits as [number, number, number, number, number, number, number];
  const expected = (d1 + d3 + d5 + 2 * (d2 + d4 + d6)) % 10;
  if (expected !== check) {
    return { ok: false, reason: 'check_digit', message: 'the DEA number check digit does not match; check for a typing error' };
  }
  return { ok: true, normalized };
}
