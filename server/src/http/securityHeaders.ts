import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** A Host header we may echo into a policy: a name or address and a port, nothing else. */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The WebSocket origins of the page's own host: Socket.IO and the Yjs docs connect there. */
function sameHostSockets(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * helmet's headers on every response, with a strict Content-Security-Policy: the page runs its own
 * bundled scripts only, connects to its own host only and cannot be framed. Inline style
 * attributes are allowed: the editor's decorations (caret selections, bracket and author colours)
 * are written as `style` attributes.
 */
export function securityHeaders(): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", (req) => sameHostSockets(req)],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
      },
    },
  });
}
