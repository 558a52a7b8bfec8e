import { afterEach, describe, expect, it } from 'vitest';
import { createPopulationPool, type PopulationRunner } from './population-pool.ts';

const input = {
  modelId: 'kamp-2020',
  weightKg: 70,
  regimen: { drug: 'ketamine', events: [{ type: 'infusion', startMin: 0, endMin: 60, route: 'iv', rate: '0.5 mg/kg/h' }] },
  untilMin: 120,
  stepMin: 1,
  subjects: 50,
  seed: 7,
  variability: { clearance: 0.3 },
};

describe('population worker pool', () => {
  let pool: PopulationRunner | undefined;
  afterEach(async () => pool?.close());

  it('runs a simulation off the event loop and returns the same result for the same seed', async () => {
    pool = createPopulationPool({ size: 1 });
    const [first, second] = await Promise.all([pool.run(input), pool.run(input)]);
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
  });

  it('refuses work beyond its queue with pk.population_busy instead of piling it up', async () => {
    pool = createPopulationPool({ size: 1, maxQueued: 1 });
    const running = pool.run(input);
    const queued = pool.run(input);
    await expect(pool.run(input)).rejects.toMatchObject({ code: 'pk.population_busy', status: 503 });
    await expect(running).resolves.toMatchObject({ ok: true });
    await expect(queued).resolves.toMatchObject({ ok: true });
  });

  it('rejects queued and new runs once closed', async () => {
    pool = createPopulationPool({ size: 1 });
    await pool.close();
    await expect(pool.run(input)).rejects.toThrow('population pool is closed');
  });
});
