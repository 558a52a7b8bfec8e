/**
 * Plain-data helpers for PkChart: merge the curve and the population percentiles on one time axis, find the
 * peak, choose the axes. Kept apart from the component so plans and sessions can reuse them.
 */

export interface PkPopulationCurves {
  timesMin: readonly number[];
  p5: readonly number[];
  p50: readonly number[];
  p95: readonly number[];
}

export interface PkChartPoint {
  /** Minutes from the start of the regimen. */
  t: number;
  plasma?: number;
  p50?: number;
  /** [p5, p95] for the shaded range. */
  range?: [number, number];
}

/** One row per time in either series, sorted by time. */
export function mergePkSeries(
  timesMin: readonly number[],
  plasmaNgPerMl: readonly number[],
  population?: PkPopulationCurves,
): PkChartPoint[] {
  const byTime = new Map<number, PkChartPoint>();
  const at = (t: number) => {
    let point = byTime.get(t);
    if (!point) {
      point = { t };
      byTime.set(t, point);
    }
    return point;
  };
  timesMin.forEach((t, i) => {
    const value = plasmaNgPerMl[i];
    if (value !== undefined) at(t).plasma = value;
  });
  population?.timesMin.forEach((t, i) => {
    const p5 = population.p5[i];
    const p95 = population.p95[i];
    const p50 = population.p50[i];
    const point = at(t);
    if (p5 !== undefined && p95 !== undefined) point.range = [p5, p95];
    if (p50 !== undefined) point.p50 = p50;
  });
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** The highest sampled concentration (ng/mL) and its time (min); the first one when it repeats. */
export function findPeak(timesMin: readonly number[], plasmaNgPerMl: readonly number[]): { cmaxNgPerMl: number; tmaxMin: number } | null {
  let best = -1;
  plasmaNgPerMl.forEach((value, i) => {
    if (best < 0 || value > plasmaNgPerMl[best]!) best = i;
  });
  if (best < 0 || timesMin[best] === undefined) return null;
  return { cmaxNgPerMl: plasmaNgPerMl[best]!, tmaxMin: timesMin[best]! };
}

/** Hours once the curve is longer than 6 h, minutes below. */
export function chooseTimeUnit(lastMin: number): 'min' | 'h' {
  return lastMin > 360 ? 'h' : 'min';
}

export function formatTime(minutes: number, unit: 'min' | 'h'): string {
  return unit === 'h' ? `${Number((minutes / 60).toFixed(2))} h` : `${Math.round(minutes * 10) / 10} min`;
}

/** A round upper bound for the concentration axis above the highest value shown (at least 150 ng/mL so the
 *  analgesic band is visible). */
export function chooseConcentrationMax(highestNgPerMl: number): number {
  const target = Math.max(150, highestNgPerMl * 1.15);
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  const step = steps.find((s) => s * magnitude >= target) ?? 10;
  return step * magnitude;
}

/** Every n-th point so a table stays readable (about `rows` rows), always with the last point. */
export function thinPoints<T>(points: readonly T[], rows = 60): T[] {
  if (points.length <= rows) return [...points];
  const every = Math.ceil(points.length / rows);
  const thinned = points.filter((_, i) => i % every === 0);
  const last = points[points.length - 1]!;
  if (thinned[thinned.length - 1] !== last) thinned.push(last);
  return thinned;
}

export function formatNgPerMl(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}
