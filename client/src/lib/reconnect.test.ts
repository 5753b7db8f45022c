import { describe, expect, it } from 'vitest';
import { followBrowserNetwork } from './reconnect';

function connection() {
  const calls: string[] = [];
  return { calls, pause: () => void calls.push('pause'), resume: () => void calls.push('resume') };
}

describe('[O1] following the browser’s network', () => {
  it('stops trying while the browser has no network, and tries at once when it is back', () => {
    const target = new EventTarget();
    const c = connection();
    followBrowserNetwork(target, () => true, c);
    expect(c.calls).toEqual([]);
    target.dispatchEvent(new Event('offline'));
    target.dispatchEvent(new Event('online'));
    expect(c.calls).toEqual(['pause', 'resume']);
  });

  it('a page opened without the network starts paused; after it stops listening nothing is called', () => {
    const target = new EventTarget();
    const c = connection();
    const stop = followBrowserNetwork(target, () => false, c);
    expect(c.calls).toEqual(['pause']);
    stop();
    target.dispatchEvent(new Event('online'));
    expect(c.calls).toEqual(['pause']);
  });
});
