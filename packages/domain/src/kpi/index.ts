export * from './groups.ts';
export * from './indicators.ts';
export * from './score.ts';
export * from './bands.ts';
export * from './config.ts';
export * from './explain.ts';
export * from './evaluate.ts';
export * from './ranking.ts';
