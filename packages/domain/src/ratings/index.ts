export * from './criteria.ts';
export * from './rating.ts';
export * from './satisfaction.ts';
export * from './indicator-5-4.ts';
