#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the package needs no build step on the server side.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/ketaclinic.ts');
