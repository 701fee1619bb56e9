export * from './construction.ts';
export * from './keyed.ts';
