export * from './audit.table.ts';
export * from './auth.table.ts';
export * from './candidacy.table.ts';
export * from './consent.table.ts';
export * from './instance.table.ts';
export * from './organization.table.ts';
export * from './patients.table.ts';
export * from './pharmacology.table.ts';
