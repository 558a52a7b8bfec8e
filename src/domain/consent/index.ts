export * from './consent-record.ts';
export * from './consent-status.ts';
export * from './default-templates.ts';
