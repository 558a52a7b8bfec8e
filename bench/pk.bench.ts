import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildTimeGrid, simulateTrajectory } from '../src/domain/pharmacology/pk-engine.ts';
import { type DispositionParameters, findPkModel } from '../src/domain/pharmacology/pk-models.ts';
import { simulateRegimen } from '../src/domain/pharmacology/pk-simulation.ts';
import { type PopulationInput, simulatePopulation } from '../src/domain/pharmacology/population.ts';
import { compileSchedule, runSubject, type Schedule } from '../src/domain/pharmacology/population-kernel.ts';
import { resolveRegimen } from '../src/domain/pharmacology/regimen.ts';

/**
 * PK benchmarks (issue 3, "Performance"). Timings are wall-clock on one core; on a shared machine take the best
 * of several runs. Targets: a 4 h regimen at 1 s < 1 ms; 10,000 subjects x 24 h at 10 s >= 45 M points/s.
 */

const REGIMEN = {
  drug: 'ketamine',
  events: [
    { type: 'bolus', atMin: 0, route: 'iv', dose: '0.35 mg/kg' },
    { type: 'infusion', startMin: 0, endMin: 240, route: 'iv', rate: '0.5 mg/kg/h' },
  ],
};
const WEIGHT_KG = 70;
const STEP_10_S = 10 / 60;
// Benchmark-only variability: DOMAIN.md has no published IIV; these CVs only exercise the sampler.
const BENCH_VARIABILITY = { clearance: 0.3, centralVolume: 0.3, peripheralVolumes: 0.3, interCompartmentalClearances: 0.3 };

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { minMs: round(sorted[0]!), medianMs: round(sorted[Math.floor(sorted.length / 2)]!), runs: samples.length };
}

const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

function benchSingleSimulation() {
  const request = { modelId: 'kamp-2020', weightKg: WEIGHT_KG, ageYears: 40, regimen: REGIMEN, untilMin: 240, stepMin: 1 / 60 };
  const resolved = resolveRegimen(REGIMEN, WEIGHT_KG);
  if (!resolved.ok) throw new Error('bench regimen invalid');
  const params = findPkModel('kamp-2020')!.computeParameters({ weightKg: WEIGHT_KG });
  const grid = buildTimeGrid(240, 1 / 60);
  for (let i = 0; i < 200; i++) simulateRegimen(request);
  const engine = Array.from({ length: 300 }, () => time(() => simulateTrajectory(params, resolved.value.inputs, grid)));
  const full = Array.from({ length: 300 }, () => time(() => simulateRegimen(request)));
  return {
    description: '4 h regimen (bolus + infusion), Kamp 2020, 1 s resolution, plasma and effect site',
    points: grid.length,
    engineOnly: stats(engine),
    simulateRegimen: { ...stats(full), note: 'includes validation, summary (bands, t90) and array conversion' },
    targetMs: 1,
  };
}

function populationInput(subjects: number): PopulationInput {
  return {
    modelId: 'kamp-2020',
    weightKg: WEIGHT_KG,
    ageYears: 40,
    regimen: REGIMEN,
    untilMin: 1440,
    stepMin: STEP_10_S,
    reportEveryMin: 1,
    subjects,
    seed: 20_260_101,
    variability: BENCH_VARIABILITY,
  };
}

function benchPopulation(schedule: Schedule, params: DispositionParameters) {
  const subjects = 10_000;
  const input = populationInput(subjects);
  simulatePopulation(populationInput(500));
  const runs = Array.from({ length: 3 }, () => time(() => simulatePopulation(input)));
  const points = subjects * (schedule.steps + 1);
  const block = new Float32Array(schedule.steps + 1);
  const kernelRuns = Array.from({ length: 3 }, () =>
    time(() => {
      for (let i = 0; i < subjects; i++) runSubject(params, 1, schedule, 6, block, 0, 1);
    }),
  );
  const best = Math.min(...runs);
  const bestKernel = Math.min(...kernelRuns);
  return {
    description: '10,000 subjects x 24 h at 10 s steps, Kamp 2020, log-normal IIV, percentiles every 1 min',
    subjects,
    points,
    simulatePopulation: { ...stats(runs), pointsPerSecond: round(points / (best / 1000)) },
    kernelOnly: {
      ...stats(kernelRuns),
      pointsPerSecond: round(points / (bestKernel / 1000)),
      note: 'per-subject propagator + propagation loop',
    },
    targetPointsPerSecond: 45e6,
  };
}

/** Plain RK4 on the same three-compartment ODEs, `substeps` per 10 s step, same schedule. */
function runRk4Subject(p: DispositionParameters, schedule: Schedule, substeps: number, out: Float64Array): void {
  const v1 = p.centralVolumeL;
  const k10 = p.clearanceLPerMin / v1;
  const [a, b] = p.peripherals;
  const k12 = a!.clearanceLPerMin / v1;
  const k21 = a!.clearanceLPerMin / a!.volumeL;
  const k13 = b!.clearanceLPerMin / v1;
  const k31 = b!.clearanceLPerMin / b!.volumeL;
  const h = schedule.stepMin / substeps;
  let x0 = 0;
  let x1 = 0;
  let x2 = 0;
  let rate = 0;
  let ii = 0;
  let si = 0;
  const f0 = (y0: number, y1: number, y2: number) => rate - (k10 + k12 + k13) * y0 + k21 * y1 + k31 * y2;
  const f1 = (y0: number, y1: number) => k12 * y0 - k21 * y1;
  const f2 = (y0: number, y2: number) => k13 * y0 - k31 * y2;
  for (let k = 0; k <= schedule.steps; k++) {
    for (; ii < schedule.instants.length && schedule.instants[ii]!.step === k; ii++) x0 += schedule.instants[ii]!.amountMg;
    if (si < schedule.segments.length && schedule.segments[si]!.step === k) rate = schedule.segments[si++]!.ratesBySlot[0]!;
    out[k] = (x0 / v1) * 1000;
    for (let s = 0; s < substeps; s++) {
      const a0 = f0(x0, x1, x2);
      const a1 = f1(x0, x1);
      const a2 = f2(x0, x2);
      const b0 = f0(x0 + (h / 2) * a0, x1 + (h / 2) * a1, x2 + (h / 2) * a2);
      const b1 = f1(x0 + (h / 2) * a0, x1 + (h / 2) * a1);
      const b2 = f2(x0 + (h / 2) * a0, x2 + (h / 2) * a2);
      const c0 = f0(x0 + (h / 2) * b0, x1 + (h / 2) * b1, x2 + (h / 2) * b2);
      const c1 = f1(x0 + (h / 2) * b0, x1 + (h / 2) * b1);
      const c2 = f2(x0 + (h / 2) * b0, x2 + (h / 2) * b2);
      const d0 = f0(x0 + h * c0, x1 + h * c1, x2 + h * c2);
      const d1 = f1(x0 + h * c0, x1 + h * c1);
      const d2 = f2(x0 + h * c0, x2 + h * c2);
      x0 += (h / 6) * (a0 + 2 * b0 + 2 * c0 + d0);
      x1 += (h / 6) * (a1 + 2 * b1 + 2 * c1 + d1);
      x2 += (h / 6) * (a2 + 2 * b2 + 2 * c2 + d2);
    }
  }
}

// "Equal accuracy": RK4 must stay within tolerance x Cmax of the exact solution at every grid point. The exact
// engine agrees with the closed form to ~1e-12; 1e-6 is clinically equal, 1e-10 is numerically close to equal.
const RK4_TOLERANCES = [1e-6, 1e-10];

function findRk4Substeps(schedule: Schedule, params: DispositionParameters, exact: Float64Array, tolerance: number) {
  const cmax = Math.max(...exact);
  const out = new Float64Array(schedule.steps + 1);
  let error = Number.POSITIVE_INFINITY;
  let substeps = 1;
  for (; substeps <= 1024; substeps *= 2) {
    runRk4Subject(params, schedule, substeps, out);
    error = 0;
    for (let k = 0; k < out.length; k++) error = Math.max(error, Math.abs(out[k]! - exact[k]!));
    if (error <= tolerance * cmax) break;
  }
  return { substeps, error };
}

function benchRk4(schedule: Schedule, params: DispositionParameters, exactBestMs: number) {
  const resolved = resolveRegimen(REGIMEN, WEIGHT_KG);
  if (!resolved.ok) throw new Error('bench regimen invalid');
  const exact = simulateTrajectory(params, resolved.value.inputs, buildTimeGrid(1440, STEP_10_S)).plasmaNgPerMl;
  const out = new Float64Array(schedule.steps + 1);
  const subjects = 10_000;
  return RK4_TOLERANCES.map((tolerance) => {
    const { substeps, error } = findRk4Substeps(schedule, params, exact, tolerance);
    const runs = Array.from({ length: 2 }, () =>
      time(() => {
        for (let i = 0; i < subjects; i++) runRk4Subject(params, schedule, substeps, out);
      }),
    );
    return {
      description: 'same 10,000 x 24 h work with a plain RK4 integrator (kernel only, no percentiles)',
      tolerance: `max |error| <= ${tolerance} x Cmax against the exact solution`,
      substepsPerStep: substeps,
      stepSeconds: round((STEP_10_S / substeps) * 60),
      maxAbsErrorNgPerMl: round(error),
      ...stats(runs),
      ratioRk4OverExactKernel: round(Math.min(...runs) / exactBestMs, 3),
    };
  });
}

/** Runs every PK benchmark (about 30 s) and returns a JSON-ready record; bench/index.ts prints it under "pk".
 *  Alone: npx tsx bench/pk.bench.ts */
export async function runPkBenchmarks(): Promise<Record<string, unknown>> {
  const resolved = resolveRegimen(REGIMEN, WEIGHT_KG);
  if (!resolved.ok) throw new Error('bench regimen invalid');
  const compiled = compileSchedule(resolved.value.inputs, 1440, STEP_10_S);
  if (!compiled.ok) throw new Error(compiled.issue.message);
  const params = findPkModel('kamp-2020')!.computeParameters({ weightKg: WEIGHT_KG });
  const single = benchSingleSimulation();
  const population = benchPopulation(compiled.value, params);
  const rk4 = benchRk4(compiled.value, params, population.kernelOnly.minMs);
  return {
    singleSimulation: single,
    population,
    rk4,
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await runPkBenchmarks(), null, 2)}\n`);
}
