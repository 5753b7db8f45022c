/** The answer to a path with a malformed percent-escape, over HTTP and at the WebSocket upgrade (H5). */
export const MALFORMED_PATH = 'The path holds a malformed percent-escape (a % not followed by two hex digits of valid UTF-8)';

export function decodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** A request's URL, or null when it cannot be read as one (`GET http://[ HTTP/1.1` reaches us too). */
export function requestUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}
