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

/** The band a plasma concentration (ng/mL) falls in; bounds are lower-inclusive.
 *  Bands: DOMAIN.md 6 suggested UI scale (derived), made contiguous. */
export function classifyConcentration(plasmaNgPerMl: number): ConcentrationBand {
  for (const band of CONCENTRATION_BANDS) if (plasmaNgPerMl < band.upperNgPerMl) return band;
  return CONCENTRATION_BANDS[CONCENTRATION_BANDS.length - 1]!;
}

const UPPER_BOUNDS = Float64Array.from(CONCENTRATION_BANDS, (band) => band.upperNgPerMl);

function findBandIndex(plasmaNgPerMl: number): number {
  let i = 0;
  while (i < UPPER_BOUNDS.length - 1 && plasmaNgPerMl >= UPPER_BOUNDS[i]!) i++;
  return i;
}

/** Minutes spent in each band, linearly interpolating crossings between consecutive samples (ng/mL vs min).
 *  Derived from the sampled curve; resolution is the sampling step (DOMAIN.md 6 bands). */
export function computeTimeInBands(timesMin: ArrayLike<number>, plasmaNgPerMl: ArrayLike<number>): Record<string, number> {
  const totals = new Float64Array(CONCENTRATION_BANDS.length);
  let previousBand = timesMin.length > 0 ? findBandIndex(plasmaNgPerMl[0]!) : 0;
  for (let k = 1; k < timesMin.length; k++) {
    const dt = timesMin[k]! - timesMin[k - 1]!;
    const band = findBandIndex(plasmaNgPerMl[k]!);
    if (band === previousBand) totals[band]! += dt;
    else addCrossing(totals, dt, plasmaNgPerMl[k - 1]!, plasmaNgPerMl[k]!);
    previousBand = band;
  }
  const result: Record<string, number> = {};
  CONCENTRATION_BANDS.forEach((band, i) => {
    result[band.id] = totals[i]!;
  });
  return result;
}

function addCrossing(totals: Float64Array, dt: number, c0: number, c1: number): void {
  CONCENTRATION_BANDS.forEach((band, i) => {
    totals[i]! += dt * fractionInside(c0, c1, band.lowerNgPerMl, band.upperNgPerMl);
  });
}

/** Share of a linear segment from c0 to c1 that lies in [lower, upper). */
function fractionInside(c0: number, c1: number, lower: number, upper: number): number {
  if (c0 === c1) return c0 >= lower && c0 < upper ? 1 : 0;
  const lo = Math.min(c0, c1);
  const hi = Math.max(c0, c1);
  const overlap = Math.max(0, Math.min(hi, upper) - Math.max(lo, lower));
  return overlap / (hi - lo);
}
