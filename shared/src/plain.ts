/**
 * `@plenary/shared/plain`: the package without zod — constants, rules, Yjs accessors and every
 * type. What the browser loads before its first render imports from here; the schemas that parse
 * what crosses a boundary (`schemas.ts`, `commands.ts`, `api.ts`, `tokens.ts`) come with the
 * package's main entry.
 */
export * from './agenda';
export * from './attendance';
export * from './carets';
export * from './cbm';
export * from './colors';
export * from './commandRules';
export * from './communique';
export * from './communiqueSchema';
export * from './drafting';
export * from './errors';
export * from './events';
export * from './feed';
export * from './ids';
export * from './numbering';
export * from './progress';
export * from './refusals';
export * from './roles';
export * from './session';
export * from './snapshot';
export type * from './api';
export type * from './commands';
export type * from './schemas';
export type * from './tokens';
