import { parentPort } from 'node:worker_threads';
import { type PopulationInput, simulatePopulation } from '../domain/pharmacology/population.ts';

/**
 * Worker-thread entry of the population pool (population-pool.ts): one Monte Carlo run per message, off the
 * server's event loop. A thrown error (a bug) answers `{ failed: true }` so the worker stays usable; the error
 * itself is not sent back because it could quote the input.
 */
parentPort?.on('message', (message: { taskId: number; input: PopulationInput }) => {
  try {
    parentPort?.postMessage({ taskId: message.taskId, outcome: simulatePopulation(message.input) });
  } catch {
    parentPort?.postMessage({ taskId: message.taskId, failed: true });
  }
});
