import type { CardRequestDetail, CardRequestSummary } from './card-requests.models';

/**
 * Cents as the reader's locale writes money: `6,00 $` in French (fr-CA), `$6.00` in English (en-CA).
 * Amounts are integer cents everywhere; only the screen shows dollars.
 */
export function formatCents(cents: number, lang: 'fr' | 'en'): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** Today in Montréal as `YYYY-MM-DD` (« Fin de la session » may not be after it; the API says so too). */
export function todayInMontreal(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The request's total: the one kept at submission, else today's price × participants. */
export function requestTotalCents(request: Pick<CardRequestSummary, 'totalCents' | 'participantCount'>, cardPriceCents: number): number {
  return request.totalCents ?? request.participantCount * cardPriceCents;
}

export interface InvoicePollOptions {
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After « Soumettre », Billing issues the invoice asynchronously (worker): reads the request every
 * second until it has one, or the time is up (about 20 s), and returns the last state read.
 */
export async function pollUntilInvoiced(
  read: () => Promise<CardRequestDetail>,
  options: InvoicePollOptions = {},
): Promise<CardRequestDetail> {
  const { intervalMs = 1_000, timeoutMs = 20_000, signal, sleep = defaultSleep, now = Date.now } = options;
  const deadline = now() + timeoutMs;
  for (;;) {
    const request = await read();
    if (request.invoice !== null || request.status === 'canceled' || signal?.aborted || now() + intervalMs > deadline) return request;
    await sleep(intervalMs);
    if (signal?.aborted) return request;
  }
}
