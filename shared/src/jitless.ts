import { z } from 'zod';

/**
 * In a browser, zod must not compile validators with `new Function`: the page's
 * Content-Security-Policy forbids eval, and even zod's probe for it (made when a schema is built)
 * is reported as a violation. Set here, the first module of the package, before any schema exists.
 */
if ('document' in globalThis) z.config({ jitless: true });
