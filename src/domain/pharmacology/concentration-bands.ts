/**
 * Plasma concentration bands for racemic ketamine: DOMAIN.md section 6 "suggested bands for a UI colour scale",
 * a DERIVED synthesis of the published thresholds, not a standard. DOMAIN.md leaves 500-1000 ng/mL unnamed;
 * we make the scale contiguous by naming that gap, and say so in every output.
 */

export interface ConcentrationBand {
  id: string;
  label: string;
  lowerNgPerMl: number;
  /** Exclusive upper bound; Infinity for the top band. */
  upperNgPerMl: number;
  source: string;
}

export const CONCENTRATION_BANDS: readonly ConcentrationBand[] = [
  { id: 'low', label: 'sub-analgesic / low', lowerNgPerMl: 0, upperNgPerMl: 100, source: 'DOMAIN.md 6 [D]' },
  {
    id: 'analgesic',
    label: 'analgesic / dissociative',
    lowerNgPerMl: 100,
    upperNgPerMl: 250,
    source: 'DOMAIN.md 6 [D]: analgesia 70-160, dissociation 100-250 ng/mL (Zanos 2018)',
  },
  { id: 'marked-dissociation', label: 'marked dissociation', lowerNgPerMl: 250, upperNgPerMl: 500, source: 'DOMAIN.md 6 [D]' },
  {
    id: 'pre-anaesthetic',
    label: 'deep dissociation (unnamed gap 500-1000 in DOMAIN.md 6, filled to make the scale contiguous)',
    lowerNgPerMl: 500,
    upperNgPerMl: 1000,
    source: 'derived: gap between DOMAIN.md 6 bands; recovery from anaesthesia ~640 ng/mL (Idvall 1979)',
  },
  {
    id: 'anaesthetic',
    label: 'anaesthetic range',
    lowerNgPerMl: 1000,
    upperNgPerMl: Number.POSITIVE_INFINITY,
    source: 'DOMAIN.md 6 [D]: general anaesthesia 1200-2400 ng/mL (Zanos 2018)',
  },
];

export const BANDS_NOTE = 'concentration bands are derived from DOMAIN.md 6 (not a published standard) and made contiguous';

/** The band a plasma concentration (ng/mL) falls in (DOMAIN.md 6, derived bands). */
export function classifyConcentration(plasmaNgPerMl: number): ConcentrationBand {
  for (const band of CONCENTRATION_BANDS) if (plasmaNgPerMl < band.upperNgPerMl) return band;
  return CONCENTRATION_BANDS[CONCENTRATION_BANDS.length - 1]!;
}

/** Minutes spent in each band, linearly interpolating crossings between consecutive samples (ng/mL vs min).
 *  Derived from the sampled curve; resolution is the sampling step (DOMAIN.md 6 bands). */
export function computeTimeInBands(timesMin: ArrayLike<number>, plasmaNgPerMl: ArrayLike<number>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const band of CONCENTRATION_BANDS) result[band.id] = 0;
  for (let k = 1; k < timesMin.length; k++) {
    const t0 = timesMin[k - 1]!;
    const t1 = timesMin[k]!;
    const c0 = plasmaNgPerMl[k - 1]!;
    const c1 = plasmaNgPerMl[k]!;
    for (const band of CONCENTRATION_BANDS) {
      result[band.id]! += (t1 - t0) * fractionInside(c0, c1, band.lowerNgPerMl, band.upperNgPerMl);
    }
  }
  return result;
}

/** Share of a linear segment from c0 to c1 that lies in [lower, upper). */
function fractionInside(c0: number, c1: number, lower: number, upper: number): number {
  if (c0 === c1) return c0 >= lower && c0 < upper ? 1 : 0;
  const lo = Math.min(c0, c1);
  const hi = Math.max(c0, c1);
  const overlap = Math.max(0, Math.min(hi, upper) - Math.max(lo, lower));
  return overlap / (hi - lo);
}
