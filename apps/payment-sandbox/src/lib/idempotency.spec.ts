import { IdempotencyStore, requestFingerprint } from './idempotency';

describe('IdempotencyStore', () => {
  it('runs the first request of a key once and answers every repeat, even concurrent, with the same response', async () => {
    const store = new IdempotencyStore();
    let runs = 0;
    const action = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return { status: 200, body: { id: `ch_${runs}` } };
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => store.run('key-1', 'fp', action)));
    expect(runs).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.body)))).toEqual(new Set(['{"id":"ch_1"}']));
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  });

  it('answers 409 to the same key with another request, and does not run it', async () => {
    const store = new IdempotencyStore();
    await store.run('key-1', 'fp-a', () => ({ status: 200, body: { id: 'ch_a' } }));
    const action = jest.fn(() => ({ status: 200, body: { id: 'ch_b' } }));
    const answer = await store.run('key-1', 'fp-b', action);
    expect(answer.status).toBe(409);
    expect(action).not.toHaveBeenCalled();
  });

  it('keeps 4xx answers but not 5xx ones (a 5xx did nothing: the retry runs again)', async () => {
    const store = new IdempotencyStore();
    let calls = 0;
    const flaky = () => ({ status: ++calls === 1 ? 502 : 200, body: { calls } });
    expect((await store.run('k', 'fp', flaky)).status).toBe(502);
    expect((await store.run('k', 'fp', flaky)).status).toBe(200);
    expect((await store.run('k', 'fp', flaky)).body).toEqual({ calls: 2 });

    const refused = jest.fn(() => ({ status: 400, body: { error: 'token_used' } }));
    await store.run('k2', 'fp', refused);
    expect((await store.run('k2', 'fp', refused)).replayed).toBe(true);
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('fingerprints method, path and body, whatever the order of the body keys', () => {
    const a = requestFingerprint('POST', '/v1/charges', { amount: 500, token: 'tok_1', meta: { b: 1, a: 2 } });
    expect(requestFingerprint('POST', '/v1/charges', { meta: { a: 2, b: 1 }, token: 'tok_1', amount: 500 })).toBe(a);
    expect(requestFingerprint('POST', '/v1/charges', { amount: 501, token: 'tok_1', meta: { b: 1, a: 2 } })).not.toBe(a);
    expect(requestFingerprint('POST', '/v1/refunds', { amount: 500, token: 'tok_1', meta: { b: 1, a: 2 } })).not.toBe(a);
  });
});
