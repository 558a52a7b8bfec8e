/**
 * Seeded pseudo-random numbers for reproducible Monte Carlo (issue 3, item 6): mulberry32 for uniforms and the
 * Box-Muller transform for standard normals. Domain code never calls Math.random.
 */

export interface SeededRandom {
  /** Uniform in [0, 1). */
  nextUniform(): number;
  /** Standard normal N(0, 1). */
  nextNormal(): number;
}

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator with full 2^32 period.
 *  Box-Muller: Box GEP, Muller ME. Ann Math Stat 1958;29:610. Same seed, same sequence. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  let spare: number | undefined;
  const nextUniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nextNormal = () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    // 1 - u keeps the logarithm finite (u may be 0, never 1).
    const radius = Math.sqrt(-2 * Math.log(1 - nextUniform()));
    const angle = 2 * Math.PI * nextUniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return { nextUniform, nextNormal };
}

/** A log-normal multiplier exp(eta), eta ~ N(0, omega^2), omega^2 = ln(1 + CV^2): the usual NONMEM-style
 *  inter-individual variability with the given coefficient of variation (fraction). */
export function sampleLogNormalFactor(random: SeededRandom, cv: number): number {
  if (cv === 0) return 1;
  const omega = Math.sqrt(Math.log(1 + cv * cv));
  return Math.exp(omega * random.nextNormal());
}
