import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';
import { Location } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  BillingApi,
  idempotencyKeyFor,
  isSettled,
  pollPayment,
  toApiProblem,
  type PaymentMethod,
  type PaymentView,
} from '@guichet/portal/billing/data-access';
import { I18n, injectTranslate } from '@guichet/shared/ui';
import { BillingTranslatePipe, type BillingKey } from '../billing.translations';
import { BILLING_PATHS } from '../shared/billing-paths';
import { MoneyPipe, failureKey } from '../shared/format';
import { problemText } from '../shared/problem-text';

/** Which return from the provider this page handles (route data). */
export type PaymentReturn = 'card' | 'payment' | 'paypal';

type View =
  | { readonly kind: 'working' }
  | { readonly kind: 'settled'; readonly payment: PaymentView }
  | { readonly kind: 'slow'; readonly payment: PaymentView }
  | { readonly kind: 'paypal-canceled' }
  | { readonly kind: 'error'; readonly message: string; readonly retry: boolean };

/** Refusals that another attempt cannot fix. */
const FINAL_CODES = ['BILLING.NOTHING_DUE', 'BILLING.CARD_MINIMUM', 'BILLING.DUPLICATE_PAYMENT', 'BILLING.PAYMENT_IN_PROGRESS', 'BILLING.INVOICE_NOT_FOUND'];

/**
 * Where the provider sends the payer back: from the hosted card page (`/factures/:id/carte?token=…`,
 * the token is charged once under an idempotency key kept for the tab), from the card's second step
 * (`/factures/:id/paiements/:paymentId`) and from PayPal (`/factures/:id/paypal?paymentId=…`, captured,
 * or canceled with `annule=1`). The page then reads the payment every second until the provider's
 * callback settles it, announces the outcome (aria-live) and puts the focus on it.
 */
@Component({
  selector: 'bil-payment-result-page',
  imports: [RouterLink, MatButton, BillingTranslatePipe, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>
      @if (invoiceNumber(); as number) {
        {{ 'billing.result.titleOf' | t: { number } }}
      } @else {
        {{ 'billing.result.title' | t }}
      }
    </h1>
    <div aria-live="polite" data-testid="payment-result">
      @switch (view().kind) {
        @case ('working') {
          <p class="bil-notice">{{ 'billing.result.working' | t }}</p>
        }
        @case ('settled') {
          @if (settled(); as payment) {
            @switch (payment.state) {
              @case ('failed') {
                <h2 class="bil-result" tabindex="-1">{{ 'billing.result.failed' | t }}</h2>
                <p class="bil-error">{{ failure(payment.failureCode) | t }}</p>
              }
              @case ('canceled') {
                <h2 class="bil-result" tabindex="-1">{{ 'billing.result.canceled' | t }}</h2>
                <p>{{ 'billing.result.canceledBody' | t }}</p>
              }
              @default {
                @if (payment.heldForStaff) {
                  <h2 class="bil-result" tabindex="-1">{{ 'billing.result.held' | t }}</h2>
                  <p>{{ 'billing.result.heldBody' | t: { amount: (payment.amountCents | money) } }}</p>
                } @else {
                  <h2 class="bil-result" tabindex="-1">{{ 'billing.result.confirmed' | t }}</h2>
                  <p>{{ 'billing.result.confirmedBody' | t: { amount: (payment.amountCents | money) } }}</p>
                }
              }
            }
          }
        }
        @case ('slow') {
          <h2 class="bil-result" tabindex="-1">{{ 'billing.result.slow' | t }}</h2>
          <p>{{ 'billing.result.slowBody' | t }}</p>
        }
        @case ('paypal-canceled') {
          <h2 class="bil-result" tabindex="-1">{{ 'billing.result.canceled' | t }}</h2>
          <p>{{ 'billing.result.paypalCanceled' | t }}</p>
        }
        @case ('error') {
          <h2 class="bil-result" tabindex="-1">{{ 'billing.result.error' | t }}</h2>
          <p class="bil-error">{{ errorMessage() }}</p>
        }
      }
    </div>
    @if (view().kind !== 'working') {
      <div class="bil-actions">
        @if (canRetry()) {
          <button matButton="filled" type="button" [disabled]="retrying()" disabledInteractive (click)="retry()">
            {{ 'billing.result.retry' | t }}
          </button>
        }
        <a matButton="outlined" [routerLink]="paths.invoice(id())">{{ 'billing.result.backToInvoice' | t }}</a>
      </div>
    }
  `,
  styleUrl: '../shared/billing-page.scss',
})
export class PaymentResultPage implements OnInit {
  /** Route parameters, query parameters and route data (component input binding). */
  readonly id = input.required<string>();
  readonly mode = input<PaymentReturn>('payment');
  readonly token = input<string | undefined>();
  readonly paymentId = input<string | undefined>();
  readonly annule = input<string | undefined>();

  private readonly api = inject(BillingApi);
  private readonly i18n = inject(I18n);
  private readonly location = inject(Location);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<BillingKey>();
  private readonly stop = new AbortController();

  protected readonly paths = BILLING_PATHS;
  protected readonly failure = failureKey;
  protected readonly view = signal<View>({ kind: 'working' });
  protected readonly invoiceNumber = signal<string | null>(null);
  protected readonly retrying = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop.abort());
  }

  protected settled(): PaymentView | null {
    const view = this.view();
    return view.kind === 'settled' ? view.payment : null;
  }

  protected errorMessage(): string {
    const view = this.view();
    return view.kind === 'error' ? view.message : '';
  }

  protected canRetry(): boolean {
    const view = this.view();
    if (view.kind === 'error') return view.retry;
    if (view.kind === 'paypal-canceled') return true;
    return view.kind === 'settled' && (view.payment.state === 'failed' || view.payment.state === 'canceled');
  }

  async ngOnInit(): Promise<void> {
    void this.api.invoice(this.id()).then(
      (invoice) => this.invoiceNumber.set(invoice.number),
      () => undefined,
    );
    try {
      await this.run();
    } catch (error) {
      const problem = toApiProblem(error);
      this.show({ kind: 'error', message: problemText(problem, this.translate), retry: !FINAL_CODES.includes(problem.code) });
    }
  }

  /** « Réessayer »: back to the provider's page, for the same way of paying. */
  protected async retry(): Promise<void> {
    if (this.retrying()) return;
    this.retrying.set(true);
    try {
      const lang = this.i18n.language();
      const url =
        this.method() === 'paypal'
          ? (await this.api.startPaypal(this.id(), globalThis.crypto.randomUUID(), lang)).approveUrl
          : (await this.api.startCardCheckout(this.id(), lang)).url;
      this.window?.location.assign(url);
    } catch (error) {
      this.retrying.set(false);
      const problem = toApiProblem(error);
      this.show({ kind: 'error', message: problemText(problem, this.translate), retry: !FINAL_CODES.includes(problem.code) });
    }
  }

  private method(): PaymentMethod {
    const view = this.view();
    if (view.kind === 'settled' || view.kind === 'slow') return view.payment.method;
    return this.mode() === 'paypal' ? 'paypal' : 'card';
  }

  private async run(): Promise<void> {
    const invoiceId = this.id();
    switch (this.mode()) {
      case 'card': {
        const token = this.token();
        if (!token) return this.show({ kind: 'error', message: this.translate('billing.result.missingToken'), retry: true });
        const key = idempotencyKeyFor(this.sessionStorage(), invoiceId, token);
        const payment = await this.api.payByCard(invoiceId, token, key);
        if (payment.state === 'requires-action' && payment.nextActionUrl) {
          // The card's issuer asks for a second step on the provider's page; it returns to /paiements/:paymentId.
          this.window?.location.assign(payment.nextActionUrl);
          return;
        }
        // A reload now reads the payment instead of posting the token again.
        this.location.replaceState(BILLING_PATHS.payment(invoiceId, payment.id));
        return this.follow(payment);
      }
      case 'paypal': {
        const paymentId = this.paymentId();
        if (!paymentId) return this.show({ kind: 'error', message: this.translate('billing.result.missingToken'), retry: true });
        if (this.annule() === '1') {
          await this.api.cancelPayment(paymentId);
          return this.show({ kind: 'paypal-canceled' });
        }
        return this.follow(await this.api.capturePaypal(paymentId));
      }
      default: {
        const paymentId = this.paymentId();
        if (!paymentId) return this.show({ kind: 'error', message: this.translate('billing.result.missingToken'), retry: true });
        return this.follow(await this.api.payment(paymentId));
      }
    }
  }

  /** Reads the payment every second (about 30 s at most) until the provider's callback settles it. */
  private async follow(first: PaymentView): Promise<void> {
    const payment = isSettled(first.state)
      ? first
      : await pollPayment(() => this.api.payment(first.id), undefined, { signal: this.stop.signal });
    if (this.stop.signal.aborted) return;
    this.show(isSettled(payment.state) ? { kind: 'settled', payment } : { kind: 'slow', payment });
  }

  private show(view: View): void {
    this.view.set(view);
    this.retrying.set(false);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.bil-result')?.focus(), { injector: this.injector });
  }

  private sessionStorage(): Storage | null {
    try {
      return this.window?.sessionStorage ?? null;
    } catch {
      return null;
    }
  }
}
