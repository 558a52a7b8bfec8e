import { Worker } from 'node:worker_threads';
import type { PopulationInput, PopulationOutcome } from '../domain/pharmacology/population.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { AppError } from './errors.ts';

/** Runs population simulations somewhere other than the caller's event loop. */
export interface PopulationRunner {
  run(input: PopulationInput): Promise<PopulationOutcome>;
  /** Refuses queued runs and terminates the workers; safe to call twice. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  input: PopulationInput;
  resolve(outcome: PopulationOutcome): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

type WorkerMessage = { taskId: number; outcome: PopulationOutcome } | { taskId: number; failed: true };

// A plain-JS entry that registers tsx inside the worker: on Node 20 `execArgv: ['--import', 'tsx']` does not
// apply the loader to a worker's own entry module (ERR_UNKNOWN_FILE_EXTENSION for .ts). Found from the package
// root, not import.meta.url, so the path holds from source and from the server bundle (dist/ketaclinic.mjs).
const WORKER_PATH = `${PACKAGE_ROOT}src/app/population.worker.mjs`;

/**
 * A small pool of worker threads for simulatePopulation (issue 3, item 9: a Monte Carlo run of up to 20 M points
 * must not stall other requests). Workers start on first use, run one task each at a time, and load TypeScript
 * through tsx's register(), as `bin/ketaclinic.js` does, so they work under the CLI, tsx and vitest alike.
 */
export function createPopulationPool(options: { size?: number; maxQueued?: number } = {}): PopulationRunner {
  const size = Math.max(1, options.size ?? 2);
  // Runs beyond this wait nowhere: the caller is told to retry, so a burst cannot pile up work (and memory).
  const maxQueued = Math.max(0, options.maxQueued ?? 8);
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextTaskId = 1;
  let closed = false;

  const removeSlot = (slot: Slot, error: Error) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    slot.task?.reject(error);
    slot.task = null;
    void slot.worker.terminate();
    dispatch();
  };

  const startSlot = (): Slot => {
    const worker = new Worker(WORKER_PATH);
    // An idle pool must never keep the process alive; the HTTP server does that while it listens.
    worker.unref();
    const slot: Slot = { worker, task: null };
    worker.on('message', (message: WorkerMessage) => {
      const task = slot.task;
      if (!task || task.id !== message.taskId) return;
      slot.task = null;
      if ('failed' in message) task.reject(new Error('population worker failed'));
      else task.resolve(message.outcome);
      dispatch();
    });
    worker.on('error', (error) => removeSlot(slot, new Error(`population worker crashed: ${error.name}`)));
    worker.on('exit', (code) => {
      if (!closed) removeSlot(slot, new Error(`population worker exited with code ${code}`));
    });
    slots.push(slot);
    return slot;
  };

  function dispatch() {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.task === null) ?? (slots.length < size ? startSlot() : undefined);
      if (!slot) return;
      const task = queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ taskId: task.id, input: task.input });
    }
  }

  return {
    run(input) {
      if (closed) return Promise.reject(new Error('population pool is closed'));
      if (queue.length >= maxQueued) {
        return Promise.reject(new AppError('pk.population_busy', 503, 'Population simulations are busy; try again in a moment.'));
      }
      return new Promise<PopulationOutcome>((resolve, reject) => {
        queue.push({ id: nextTaskId++, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('population pool is closed');
      for (const task of queue.splice(0)) task.reject(stopped);
      const running = slots.splice(0);
      for (const slot of running) slot.task?.reject(stopped);
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}
