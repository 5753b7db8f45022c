import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** The data dir holds the secret, the admin key and every sitting: its owner alone reads it (H6). */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Tightens a mode that is looser than wanted; a dir or file we may not chmod (a mounted volume) is left as it is. */
function tighten(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // not ours to change: the deployment decides (see the README's deployment notes)
  }
}

/** Creates the data dir (mode 700), or tightens an existing one. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes sure `path` exists with mode 600 before a library opens it: SQLite gives its `-wal` and
 * `-shm` files the mode of the database file, so they follow.
 */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  tighten(path, PRIVATE_FILE_MODE);
}
