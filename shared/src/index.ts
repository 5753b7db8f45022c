// first: configures zod before any schema is built
import './jitless';
export * from './agenda';
export * from './attendance';
export * from './api';
export * from './cbm';
export * from './colors';
export * from './commands';
export * from './communique';
export * from './drafting';
export * from './errors';
export * from './feed';
export * from './events';
export * from './ids';
export * from './progress';
export * from './roles';
export * from './session';
export * from './snapshot';
export * from './tokens';
