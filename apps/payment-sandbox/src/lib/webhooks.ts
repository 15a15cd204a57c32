import { newId } from './ids';
import type { SandboxLogger } from './logger';
import { signatureHeader } from './signature';

/** Waits between attempts of one event: 0.5 s, 1 s, 2 s, 4 s, 8 s, then the event is dropped. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000];

export interface WebhookEvent {
  readonly id: string;
  readonly type: string;
  readonly created: number;
  readonly data: { readonly object: object };
}

export interface WebhookDispatcherOptions {
  /** Where events are POSTed; null keeps them in memory only (listed by `sent`). */
  readonly url: string | null;
  readonly secret: string;
  readonly retryDelaysMs?: readonly number[];
  /** Per attempt. */
  readonly timeoutMs?: number;
  readonly now: () => Date;
  readonly log: SandboxLogger;
}

/**
 * Sends each event to the webhook URL, signed (`Sandbox-Signature`), and tries again on a non-2xx
 * answer or a network error. Events are independent: a slow one does not hold the others back, so they
 * may arrive out of order, as with a real provider.
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly pending = new Set<Promise<void>>();
  private closed = false;
  /** Every event emitted, oldest first. */
  readonly sent: WebhookEvent[] = [];

  constructor(private readonly options: WebhookDispatcherOptions) {}

  emit(type: string, object: object): WebhookEvent {
    const event: WebhookEvent = { id: newId('evt'), type, created: Math.floor(this.options.now().getTime() / 1000), data: { object } };
    this.sent.push(event);
    // Serialized once: every attempt sends the very same bytes.
    const rawBody = JSON.stringify(event);
    if (this.options.url && !this.closed) this.track(this.deliver(event, rawBody, 0));
    return event;
  }

  /** Resolves when no delivery is under way or waiting for a retry (tests use it). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private async deliver(event: WebhookEvent, rawBody: string, attempt: number): Promise<void> {
    const url = this.options.url;
    if (!url || this.closed) return;
    const outcome = await this.post(url, rawBody);
    if (outcome.ok) {
      this.options.log.info({ event: event.id, type: event.type, attempt: attempt + 1 }, 'webhook delivered');
      return;
    }
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    if (this.closed) return;
    if (attempt >= delays.length) {
      this.options.log.error({ event: event.id, type: event.type, attempts: attempt + 1, last: outcome.reason }, 'webhook dropped after its last retry');
      return;
    }
    this.options.log.warn({ event: event.id, type: event.type, attempt: attempt + 1, reason: outcome.reason, retryInMs: delays[attempt] }, 'webhook not accepted; will retry');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, delays[attempt]);
      this.timers.add(timer);
    });
    if (!this.closed) await this.deliver(event, rawBody, attempt + 1);
  }

  private async post(url: string, rawBody: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 10_000);
    try {
      const signature = signatureHeader(this.options.secret, rawBody, this.options.now().getTime() / 1000);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sandbox-signature': signature, 'user-agent': 'guichet-payment-sandbox' },
        body: rawBody,
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? { ok: true } : { ok: false, reason: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }
}
