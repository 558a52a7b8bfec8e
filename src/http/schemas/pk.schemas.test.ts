import { describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_LIBRARY } from '../../domain/pharmacology/default-drug-library.ts';
import { checkDose } from '../../domain/pharmacology/dose-check.ts';
import { simulateRegimen } from '../../domain/pharmacology/pk-simulation.ts';
import { simulatePopulation } from '../../domain/pharmacology/population.ts';
import {
  doseCheckRequestSchema,
  doseCheckResultSchema,
  populationInputSchema,
  populationResultSchema,
  simulationRequestSchema,
  simulationResultSchema,
} from './pk.schemas.ts';

const regimen = { events: [{ type: 'bolus', atMin: 0, route: 'iv', dose: '0.35 mg/kg' }] };

describe('HTTP schemas match what the domain returns', () => {
  it.each(['kamp-2020', 'herd-2007'])('simulation request and result (%s)', (modelId) => {
    const request = simulationRequestSchema.parse({ modelId, weightKg: 70, regimen, untilMin: 60, stepMin: 1 });
    const result = simulateRegimen(request);
    expect(result.ok && simulationResultSchema.safeParse(result.value).success).toBe(true);
  });

  it('population request and result', () => {
    const input = populationInputSchema.parse({
      modelId: 'domino',
      weightKg: 70,
      regimen,
      untilMin: 60,
      stepMin: 1,
      subjects: 20,
      seed: 1,
      variability: { clearance: 0.3 },
    });
    const result = simulatePopulation(input);
    expect(result.ok && populationResultSchema.safeParse(result.value).success).toBe(true);
  });

  it('dose check result, including structural violations without a source', () => {
    const request = doseCheckRequestSchema.parse({
      productId: 'ketamine-100-mg-ml',
      profileId: 'pain-clinic-iv',
      weightKg: 70,
      dose: '1 mg',
    });
    const result = checkDose({
      library: DEFAULT_DRUG_LIBRARY,
      productId: request.productId,
      profileId: request.profileId,
      weightKg: request.weightKg,
      dose: { value: 1, unit: 'mg' },
    });
    expect(result.verdict).toBe('hard');
    expect(doseCheckResultSchema.safeParse(result).success).toBe(true);
  });

  it('refuses unknown keys in requests', () => {
    expect(
      simulationRequestSchema.safeParse({ modelId: 'domino', weightKg: 70, regimen, untilMin: 60, stepMin: 1, debug: true }).success,
    ).toBe(false);
  });
});
