/**
 * First-order absorption inputs per extravascular route for racemic ketamine (DOMAIN.md 4 and 15).
 * F is published; ka is DERIVED: the rate whose predicted Tmax equals the published Tmax under the Kamp 2020
 * three-compartment disposition at 70 kg (see deriveKaFromTmax; absorption.test.ts recomputes every value).
 *
 * Note: DOMAIN.md 15 quotes larger ka values (oral ~0.04, SL ~0.059, IN 0.15-0.27 /min). Those follow from a
 * one-compartment approximation (Vd 252 L, CL 79 L/h); under the three-compartment model the fast distribution
 * phase moves the peak earlier, so the same published Tmax needs a smaller ka. We use the self-consistent values.
 */

export type Route = 'iv' | 'in' | 'oral' | 'sl' | 'sc' | 'im';
export type ExtravascularRoute = Exclude<Route, 'iv'>;

export interface AbsorptionDefaults {
  /** Bioavailability (fraction); undefined where it is product-specific or unpublished and must be given. */
  bioavailability?: number;
  bioavailabilitySource: string;
  /** Published Tmax (min) used to derive ka; undefined where none is documented. */
  tmaxMin?: number;
  kaPerMin?: number;
  kaSource: string;
}

export const ABSORPTION_DEFAULTS: Record<ExtravascularRoute, AbsorptionDefaults> = {
  oral: {
    bioavailability: 0.23,
    bioavailabilitySource: 'Chong 2006 Pain Med 7:469: 23 +/- 9 % after 25 mg (DOMAIN.md 15); Clements 1982 gives 17-20 %',
    tmaxMin: 57.6,
    kaPerMin: 0.00944,
    kaSource: 'derived from Tmax 0.96 h (Chong 2006, DOMAIN.md 15) under Kamp 2020 at 70 kg',
  },
  sl: {
    bioavailability: 0.29,
    bioavailabilitySource: 'Rolan 2014 Br J Clin Pharmacol 77:1011: 29 % (90 % CI 27-31) after a 25 mg wafer (DOMAIN.md 4)',
    tmaxMin: 45,
    kaPerMin: 0.0121,
    kaSource: 'derived from Tmax 0.75 h (Rolan 2014, DOMAIN.md 4) under Kamp 2020 at 70 kg',
  },
  in: {
    bioavailabilitySource:
      'product-specific: 45 % (spray, n=3, Yanagihara 2003) vs 11-17 % (device, falling with dose, Pharmacotherapy 2022;42:298) (DOMAIN.md 15); give it per product',
    tmaxMin: 18.5,
    kaPerMin: 0.025,
    kaSource: 'derived from Tmax 18.5 min, the midpoint of the published 14-23 min (DOMAIN.md 4), under Kamp 2020 at 70 kg',
  },
  im: {
    bioavailability: 0.93,
    bioavailabilitySource: '~93 % (secondary source, DOMAIN.md 4 and 15) [M]',
    tmaxMin: 10,
    kaPerMin: 0.059,
    kaSource: 'derived from Tmax 10 min, the midpoint of the 5-15 min in a secondary source (DOMAIN.md 15) [M], under Kamp 2020 at 70 kg',
  },
  sc: {
    bioavailabilitySource: 'no published subcutaneous bioavailability in DOMAIN.md 4; give it',
    kaSource: 'no published subcutaneous Tmax in DOMAIN.md 4; give kaPerMin',
  },
};

export const TOPICAL_NOTE = 'topical: systemic levels are generally negligible (DOMAIN.md 4); not simulated';
