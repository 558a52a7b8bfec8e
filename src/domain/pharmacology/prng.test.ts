import { describe, expect, it } from 'vitest';
import { createSeededRandom, sampleLogNormalFactor } from './prng.ts';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUniform());
    expect(Array.from({ length: 5 }, () => b.nextUniform())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUniform())).not.toEqual(seqA);
  });

  it('gives standard normals with mean ~0 and variance ~1 (n = 200,000)', () => {
    const random = createSeededRandom(7);
    let sum = 0;
    let sumSq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = random.nextNormal();
      sum += x;
      sumSq += x * x;
    }
    // Standard error of the mean is 1/sqrt(n) ~ 0.0022; 5 SE keeps the test deterministic but meaningful.
    expect(Math.abs(sum / n)).toBeLessThan(0.011);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
  });

  it('gives log-normal factors with the requested CV and median 1', () => {
    const random = createSeededRandom(11);
    const values = Array.from({ length: 100_000 }, () => sampleLogNormalFactor(random, 0.3)).sort((a, b) => a - b);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(values[50_000]).toBeCloseTo(1, 1);
    expect(sd / mean).toBeCloseTo(0.3, 1);
    expect(sampleLogNormalFactor(random, 0)).toBe(1);
  });
});
