import { computePropagator, type Propagator } from './linear-system.ts';
import type { DispositionParameters } from './pk-models.ts';
import type { ResolvedInput } from './regimen.ts';

/**
 * The linear ODE system dx/dt = A x + u of a mammillary model with optional effect site and absorption depots.
 * States (mg, except the effect site in mg/L): central, peripherals, [effect site], [one depot per distinct ka].
 */
export interface PkSystem {
  n: number;
  matrix: Float64Array;
  centralVolumeL: number;
  clearanceLPerMin: number;
  /** Index of the effect-site state, or -1. */
  effectIndex: number;
  /** Depot state index for each absorption rate constant. */
  depotIndexByKa: Map<number, number>;
}

/** Builds A for central/peripheral exchange (k1j = Q/V1, kj1 = Q/Vj), elimination (CL/V1), effect site
 *  dCe/dt = ke0 (C - Ce) and first-order absorption depots (ka). Standard compartmental kinetics (DOMAIN.md 5). */
export function buildPkSystem(params: DispositionParameters, kaValues: readonly number[], withEffectSite: boolean): PkSystem {
  const distinctKa = [...new Set(kaValues)];
  const peripheralCount = params.peripherals.length;
  const hasEffect = withEffectSite && params.ke0PerMin !== undefined;
  const effectIndex = hasEffect ? 1 + peripheralCount : -1;
  const firstDepot = 1 + peripheralCount + (hasEffect ? 1 : 0);
  const n = firstDepot + distinctKa.length;
  const a = new Float64Array(n * n);
  const v1 = params.centralVolumeL;
  a[0] = -params.clearanceLPerMin / v1;
  params.peripherals.forEach((p, i) => {
    const j = i + 1;
    a[0]! -= p.clearanceLPerMin / v1;
    a[j] = p.clearanceLPerMin / p.volumeL; // row 0, column j: return from peripheral j
    a[j * n] = p.clearanceLPerMin / v1;
    a[j * n + j] = -p.clearanceLPerMin / p.volumeL;
  });
  if (hasEffect) {
    const ke0 = params.ke0PerMin!;
    a[effectIndex * n] = ke0 / v1;
    a[effectIndex * n + effectIndex] = -ke0;
  }
  const depotIndexByKa = new Map<number, number>();
  distinctKa.forEach((ka, i) => {
    const d = firstDepot + i;
    depotIndexByKa.set(ka, d);
    a[d * n + d] = -ka;
    a[d] = ka; // row 0, column d: absorption into the central compartment
  });
  return { n, matrix: a, centralVolumeL: v1, clearanceLPerMin: params.clearanceLPerMin, effectIndex, depotIndexByKa };
}

/** The state index an input enters: the central compartment for IV, the depot of its ka otherwise
 *  (first-order absorption into the central compartment, issue 3 item 3). */
export function findInputIndex(system: PkSystem, input: ResolvedInput): number {
  if (input.route === 'iv') return 0;
  const index = system.depotIndexByKa.get(input.kaPerMin!);
  if (index === undefined) throw new Error(`no depot for ka ${input.kaPerMin}`);
  return index;
}

/** Propagators for a system, cached by step length; a step within 1e-12 relative of a cached one reuses it
 *  (the difference is below double rounding of the grid times). */
export function createPropagatorCache(system: PkSystem): (dtMin: number) => Propagator {
  const cache = new Map<string, Propagator>();
  return (dtMin) => {
    const key = dtMin.toPrecision(12);
    let propagator = cache.get(key);
    if (!propagator) {
      propagator = computePropagator(system.matrix, system.n, dtMin);
      cache.set(key, propagator);
    }
    return propagator;
  };
}

/** Amount (mg) of drug in the body and depots, excluding the effect-site state (a concentration, not a mass).
 *  Used for the mass balance: eliminated = input - amount in body = CL x AUC. */
export function sumAmountsMg(system: PkSystem, state: Float64Array): number {
  let total = 0;
  for (let i = 0; i < system.n; i++) if (i !== system.effectIndex) total += state[i]!;
  return total;
}
