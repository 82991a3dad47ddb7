export * from './fields.ts';
export * from './online.ts';
export * from './applicant.ts';
