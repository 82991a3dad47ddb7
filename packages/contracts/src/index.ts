export * from './common.ts';
export * from './auth.ts';
export * from './units.ts';
export * from './users.ts';
export * from './health.ts';
export * from './audit.ts';
export * from './applications.ts';
export * from './procedures.ts';
