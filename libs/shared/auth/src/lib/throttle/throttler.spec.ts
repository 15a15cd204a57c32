import { loadAppConfig } from '@guichet/shared/config';
import { FixedClock } from '@guichet/shared/kernel';
import type { Response } from 'express';
import { InMemoryThrottleStore } from './in-memory-throttle.store';
import { Throttler, TooManyRequests } from './throttler';

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return { headers, setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response & { headers: Record<string, string> };
}

describe('Throttler', () => {
  const setup = () => {
    const clock = new FixedClock('2026-03-02T14:00:00.000Z');
    const store = new InMemoryThrottleStore();
    return { clock, store, throttler: new Throttler(store, clock, loadAppConfig({ NODE_ENV: 'test' })) };
  };
  const perAccount = (subject: string) => ({ bucket: 'sign-in:account', subject, limit: 3, windowSeconds: 60 });

  it('allows up to the limit, then refuses with Retry-After until the window ends', async () => {
    const { clock, throttler } = setup();
    for (let i = 0; i < 3; i++) await throttler.enforce(response(), [perAccount('ethc003')]);
    clock.advance(20_000);
    const res = response();
    await expect(throttler.enforce(res, [perAccount('ethc003')])).rejects.toBeInstanceOf(TooManyRequests);
    expect(Number(res.headers['Retry-After'])).toBeGreaterThan(0);
    expect(Number(res.headers['Retry-After'])).toBeLessThanOrEqual(60);
  });

  it('counts subjects apart, and never stores them in clear', async () => {
    const { store, throttler } = setup();
    for (let i = 0; i < 3; i++) await throttler.enforce(response(), [perAccount('ethc003')]);
    await expect(throttler.enforce(response(), [perAccount('autre')])).resolves.toBeUndefined();
    expect([...store.counters.keys()].join()).not.toMatch(/ethc003|autre/);
  });

  it('skips a rule without a subject', async () => {
    const { throttler } = setup();
    for (let i = 0; i < 5; i++) {
      await expect(throttler.enforce(response(), [{ bucket: 'ip', subject: null, limit: 1, windowSeconds: 60 }])).resolves.toBeUndefined();
    }
  });
});
