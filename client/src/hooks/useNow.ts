import { useServerNow } from './useServerNow';

/** The server's time, ticking every `everyMs`. */
export function useNow(clockOffset: number, everyMs = 1000): number {
  return useServerNow(clockOffset, everyMs);
}
