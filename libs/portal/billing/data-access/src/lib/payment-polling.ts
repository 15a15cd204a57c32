import { isSettled, type PaymentView } from './billing.models';

export interface PollOptions {
  /** Between two reads; one second by default. */
  readonly intervalMs?: number;
  /** Gives up after this long (the page then says the payment is still being processed). */
  readonly timeoutMs?: number;
  /** Stops early (the page was left). */
  readonly signal?: AbortSignal;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads the payment until the provider's callback settled it (confirmed, failed, canceled…) or the time
 * is up, and returns the last state read. `onUpdate` sees every read, so the page can show progress.
 */
export async function pollPayment(
  read: () => Promise<PaymentView>,
  onUpdate: (payment: PaymentView) => void = () => undefined,
  options: PollOptions = {},
): Promise<PaymentView> {
  const { intervalMs = 1_000, timeoutMs = 30_000, signal, sleep = defaultSleep, now = Date.now } = options;
  const deadline = now() + timeoutMs;
  for (;;) {
    const payment = await read();
    onUpdate(payment);
    if (isSettled(payment.state) || signal?.aborted || now() + intervalMs > deadline) return payment;
    await sleep(intervalMs);
    if (signal?.aborted) return payment;
  }
}
