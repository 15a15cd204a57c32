import type { CardRequestDetail } from './card-requests.models';
import { formatCents, pollUntilInvoiced, requestTotalCents, todayInMontreal } from './helpers';

/** Intl separates groups and the sign with no-break spaces; compare with plain ones. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCents', () => {
  it('writes dollars as fr-CA and en-CA do', () => {
    expect(plain(formatCents(600, 'fr'))).toBe('6,00 $');
    expect(formatCents(600, 'en')).toBe('$6.00');
    expect(plain(formatCents(123_456, 'fr'))).toBe('1 234,56 $');
  });
});

describe('todayInMontreal', () => {
  it('gives the Montréal date, not the UTC one', () => {
    // 02:30 UTC on March 2 is still March 1 in Montréal (UTC−5).
    expect(todayInMontreal(new Date('2026-03-02T02:30:00Z'))).toBe('2026-03-01');
    expect(todayInMontreal(new Date('2026-03-02T12:00:00Z'))).toBe('2026-03-02');
  });
});

describe('requestTotalCents', () => {
  it('keeps the total of submission, else price × participants', () => {
    expect(requestTotalCents({ totalCents: 900, participantCount: 3 }, 200)).toBe(900);
    expect(requestTotalCents({ totalCents: null, participantCount: 3 }, 200)).toBe(600);
  });
});

describe('pollUntilInvoiced', () => {
  const base = { status: 'submitted', invoice: null } as unknown as CardRequestDetail;

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

  it('reads every second until the invoice is there', async () => {
    const time = fakeTime();
    let reads = 0;
    const last = await pollUntilInvoiced(
      async () => (++reads < 3 ? base : ({ ...base, status: 'invoiced', invoice: { id: 'inv-1', number: 'F-1' } } as CardRequestDetail)),
      { sleep: time.sleep, now: time.now },
    );
    expect(last.invoice?.id).toBe('inv-1');
    expect(time.sleeps).toEqual([1_000, 1_000]);
  });

  it('gives up after about 20 s with the last state read', async () => {
    const time = fakeTime();
    let reads = 0;
    const last = await pollUntilInvoiced(
      async () => {
        reads++;
        return base;
      },
      { sleep: time.sleep, now: time.now },
    );
    expect(last.invoice).toBeNull();
    expect(reads).toBe(21);
    expect(time.now()).toBe(20_000);
  });

  it('stops when the page is left', async () => {
    const time = fakeTime();
    const controller = new AbortController();
    let reads = 0;
    await pollUntilInvoiced(
      async () => {
        if (++reads === 2) controller.abort();
        return base;
      },
      { sleep: time.sleep, now: time.now, signal: controller.signal },
    );
    expect(reads).toBe(2);
  });
});
