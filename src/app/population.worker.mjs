// Plain-JS entry of the population worker: registers tsx's loader in this thread, then loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./population.worker.ts');
