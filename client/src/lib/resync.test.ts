import { describe, expect, it } from 'vitest';
import { shouldResync } from './resync';

describe('[B2] resync after a refused update', () => {
  it('drops the local copy on 4409 (paragraph agreed meanwhile), 4403 and 4400, not on other closes', () => {
    expect([4409, 4403, 4400].map(shouldResync)).toEqual([true, true, true]);
    expect([1000, 1001, 1006, 1011, 4401, 4404].map(shouldResync)).toEqual([false, false, false, false, false, false]);
  });
});
