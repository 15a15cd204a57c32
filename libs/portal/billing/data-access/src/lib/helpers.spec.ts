import type { PaymentView } from './billing.models';
import { idempotencyKeyFor, type KeyStorage } from './idempotency-key';
import { formatCents } from './money';
import { pollPayment } from './payment-polling';

class MemoryStorage implements KeyStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const throwing: KeyStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

/** Intl separates groups and the sign with no-break spaces; compare with plain ones. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCents', () => {
  it('writes dollars as fr-CA and en-CA do', () => {
    expect(plain(formatCents(123_456, 'fr'))).toBe('1 234,56 $');
    expect(formatCents(123_456, 'en')).toBe('$1,234.56');
    expect(plain(formatCents(500, 'fr'))).toBe('5,00 $');
    expect(formatCents(0, 'en')).toBe('$0.00');
  });
});

describe('idempotencyKeyFor', () => {
  it('keeps one key per invoice and token for the tab’s life', () => {
    const storage = new MemoryStorage();
    let n = 0;
    const fresh = () => `key-${++n}`;
    const first = idempotencyKeyFor(storage, 'inv-1', 'tok_a', fresh);
    expect(first).toBe('key-1');
    expect(idempotencyKeyFor(storage, 'inv-1', 'tok_a', fresh)).toBe('key-1');
    expect(idempotencyKeyFor(storage, 'inv-1', 'tok_b', fresh)).toBe('key-2');
    expect(idempotencyKeyFor(storage, 'inv-2', 'tok_a', fresh)).toBe('key-3');
  });

  it('still gives a key when storage is missing or throws', () => {
    expect(idempotencyKeyFor(null, 'inv-1', 'tok_a', () => 'k')).toBe('k');
    expect(idempotencyKeyFor(throwing, 'inv-1', 'tok_a', () => 'k2')).toBe('k2');
  });

  it('makes random keys by default', () => {
    const storage = new MemoryStorage();
    const a = idempotencyKeyFor(storage, 'inv-1', 'tok_a');
    const b = idempotencyKeyFor(storage, 'inv-1', 'tok_b');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
  });
});

describe('pollPayment', () => {
  const base: PaymentView = {
    id: 'pay-1',
    invoiceId: 'inv-1',
    method: 'card',
    state: 'pending',
    amountCents: 1_150,
    refundedCents: 0,
    createdAt: '2026-03-02T14:05:00.000Z',
    confirmedAt: null,
    label: null,
    nextActionUrl: null,
    failureCode: null,
    heldForStaff: false,
  };

  /** A clock that only moves when the poller sleeps. */
  function fakeTime() {
    let now = 0;
    const sleeps: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      sleeps,
    };
  }

  it('reads every second until the payment is settled', async () => {
    const states = ['pending', 'pending', 'confirmed'] as const;
    let reads = 0;
    const seen: string[] = [];
    const time = fakeTime();
    const last = await pollPayment(
      async () => ({ ...base, state: states[reads++] }),
      (p) => seen.push(p.state),
      { sleep: time.sleep, now: time.now },
    );
    expect(last.state).toBe('confirmed');
    expect(seen).toEqual(['pending', 'pending', 'confirmed']);
    expect(time.sleeps).toEqual([1_000, 1_000]);
  });

  it('stops at once on a failure', async () => {
    const time = fakeTime();
    const last = await pollPayment(async () => ({ ...base, state: 'failed', failureCode: 'card_declined' }), undefined, {
      sleep: time.sleep,
      now: time.now,
    });
    expect(last.failureCode).toBe('card_declined');
    expect(time.sleeps).toEqual([]);
  });

  it('gives up after the time limit with the last state read', async () => {
    const time = fakeTime();
    let reads = 0;
    const last = await pollPayment(
      async () => {
        reads++;
        return base;
      },
      undefined,
      { sleep: time.sleep, now: time.now, timeoutMs: 30_000 },
    );
    expect(last.state).toBe('pending');
    expect(reads).toBe(31);
    expect(time.now()).toBe(30_000);
  });

  it('stops when the page is left', async () => {
    const time = fakeTime();
    const controller = new AbortController();
    let reads = 0;
    await pollPayment(
      async () => {
        if (++reads === 2) controller.abort();
        return base;
      },
      undefined,
      { sleep: time.sleep, now: time.now, signal: controller.signal },
    );
    expect(reads).toBe(2);
  });
});
