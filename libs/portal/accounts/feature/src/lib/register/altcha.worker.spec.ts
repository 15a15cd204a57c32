import { createHash } from 'node:crypto';

/** The worker's global scope, as the widget sees it: messages in, `postMessage` out. */
const scope = {
  onmessage: null as ((event: { data: unknown }) => void) | null,
  answers: [] as unknown[],
  waiting: [] as ((answer: unknown) => void)[],
  postMessage(answer: unknown): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(answer);
    else this.answers.push(answer);
  },
};
(globalThis as { self?: unknown }).self = scope;

function send(data: unknown): void {
  scope.onmessage?.({ data });
}
function nextAnswer(): Promise<unknown> {
  return scope.answers.length > 0 ? Promise.resolve(scope.answers.shift()) : new Promise((resolve) => scope.waiting.push(resolve));
}

const salt = 'f3c2a9d41b7e06c58a9d2e1f?expires=1900000000';
const challengeOf = (number: number, algorithm = 'sha256'): string => createHash(algorithm).update(salt + number).digest('hex');

describe('altcha.worker (the stock worker protocol)', () => {
  beforeAll(async () => {
    await import('./altcha.worker');
  });

  it('answers the number, its time and worker: true when its slice holds the solution', async () => {
    send({ type: 'work', payload: { algorithm: 'SHA-256', challenge: challengeOf(61_234), salt, signature: 's' }, start: 50_000, max: 100_000 });
    expect(await nextAnswer()).toEqual({ number: 61_234, took: expect.any(Number), worker: true });
  });

  it('answers null when its slice does not hold it', async () => {
    send({ type: 'work', payload: { algorithm: 'SHA-256', challenge: challengeOf(61_234), salt }, start: 0, max: 50_000 });
    expect(await nextAnswer()).toBeNull();
  });

  it('stops at an abort and answers null', async () => {
    // The first slice runs at once; the abort is read before the next one. (Node drains a MessagePort's
    // queue before its timers, so a later abort would test Node more than the worker: the bench measures
    // the widget's aborts in Chromium.)
    send({ type: 'work', payload: { algorithm: 'SHA-256', challenge: challengeOf(-1), salt }, start: 0, max: 1e9 });
    send({ type: 'abort' });
    expect(await nextAnswer()).toBeNull();
  });

  it('solves other algorithms with the native digest', async () => {
    send({ type: 'work', payload: { algorithm: 'SHA-384', challenge: challengeOf(777, 'sha384'), salt }, start: 0, max: 1_000 });
    expect(await nextAnswer()).toEqual({ number: 777, took: expect.any(Number), worker: true });
  });

  it('answers null to an obfuscated payload, which it does not support', async () => {
    send({ type: 'work', payload: { obfuscated: 'abc', key: 'k' }, start: 0, max: 10 });
    expect(await nextAnswer()).toBeNull();
  });
});
