export * from './errors.ts';
export * from './units/units.ts';
export * from './permissions/roles.ts';
export * from './permissions/access.ts';
export * from './privacy/mask.ts';
export * from './audit/chain.ts';
export * from './units/tree.ts';
