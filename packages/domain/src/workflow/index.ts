export * from './states.ts';
export * from './transitions.ts';
export * from './decide.ts';
