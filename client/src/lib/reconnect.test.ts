import { describe, expect, it } from 'vitest';
import { retryWhenOnline } from './reconnect';

function connection(idle: boolean) {
  const c = { idle: () => idle, tries: 0, tryNow: () => void c.tries++ };
  return c;
}

describe('[O1] back on the network', () => {
  it('a connection waiting to retry tries at once when the browser is online again', () => {
    const target = new EventTarget();
    const waiting = connection(false);
    retryWhenOnline(target, waiting);
    target.dispatchEvent(new Event('offline'));
    expect(waiting.tries).toBe(0);
    target.dispatchEvent(new Event('online'));
    expect(waiting.tries).toBe(1);
  });

  it('a connected one, or one closed on purpose, is left alone; and none after the page stops listening', () => {
    const target = new EventTarget();
    const idle = connection(true);
    retryWhenOnline(target, idle);
    target.dispatchEvent(new Event('online'));
    expect(idle.tries).toBe(0);

    const waiting = connection(false);
    const stop = retryWhenOnline(target, waiting);
    stop();
    target.dispatchEvent(new Event('online'));
    expect(waiting.tries).toBe(0);
  });
});
