import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  BillingApi,
  CARD_PAYMENT_MINIMUM_CENTS,
  toApiProblem,
  type InvoiceDetail,
  type InvoiceSummary,
} from '@guichet/portal/billing/data-access';
import { I18n, injectTranslate } from '@guichet/shared/ui';
import { BillingTranslatePipe, type BillingKey } from '../billing.translations';
import { BILLING_PATHS } from '../shared/billing-paths';
import { BillingDatePipe, MoneyPipe, methodKey, paymentStateKey, statusKey } from '../shared/format';
import { problemText } from '../shared/problem-text';

type Busy = 'card' | 'paypal' | null;

/**
 * One invoice or credit note: « Facturé à », the lines with TPS/TVQ, payments, credit notes and the
 * balance; « Télécharger la facture (PDF) »; and, while money is owed, the ways to pay it. The card
 * is typed on the provider's own page (never here); manual 000's 5 $ minimum is said before trying.
 */
@Component({
  selector: 'bil-invoice-page',
  imports: [RouterLink, MatButton, BillingTranslatePipe, MoneyPipe, BillingDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:pageshow)': 'onPageShow($event)' },
  template: `
    @if (loadError(); as message) {
      <h1>{{ 'billing.invoices.title' | t }}</h1>
      <p class="bil-error" role="alert">{{ message }}</p>
      <p><a [routerLink]="paths.invoices">{{ 'billing.invoice.back' | t }}</a></p>
    } @else if (invoice(); as inv) {
      <h1>{{ titleKey(inv) | t: { number: inv.number } }}</h1>

      @if (annule() === '1') {
        <p class="bil-notice" role="status" data-testid="payment-canceled">{{ 'billing.pay.canceledNotice' | t }}</p>
      }

      <section aria-labelledby="bil-summary">
        <h2 id="bil-summary">{{ 'billing.invoice.summary' | t }}</h2>
        <dl>
          <dt>{{ 'billing.invoice.issuedAt' | t }}</dt>
          <dd>{{ inv.issuedAt | billingDate }}</dd>
          <dt>{{ 'billing.col.service' | t }}</dt>
          <dd>{{ serviceKey(inv) | t }}</dd>
          <dt>{{ 'billing.col.status' | t }}</dt>
          <dd data-testid="invoice-status">{{ status(inv) | t }}</dd>
          @if (inv.kind === 'invoice') {
            <dt>{{ 'billing.invoice.method' | t }}</dt>
            <dd>{{ method(inv.method) | t }}</dd>
          }
          @if (inv.originalInvoiceNumber) {
            <dt>{{ 'billing.invoice.refersTo' | t }}</dt>
            <dd>{{ inv.originalInvoiceNumber }}</dd>
          }
          @if (inv.payableUntil && inv.balanceCents > 0) {
            <dt>{{ 'billing.invoice.payableUntil' | t }}</dt>
            <dd>{{ inv.payableUntil | billingDate }}</dd>
          }
        </dl>
      </section>

      <section aria-labelledby="bil-bill-to">
        <h2 id="bil-bill-to">{{ 'billing.invoice.billTo' | t }}</h2>
        <address data-testid="bill-to">
          {{ inv.billTo.name }} ({{ billToKindKey(inv) | t }})<br />
          @if (inv.billTo.attention) {
            {{ 'billing.invoice.attention' | t: { name: inv.billTo.attention } }}<br />
          }
          {{ inv.billTo.address.line1 }}<br />
          @if (inv.billTo.address.line2) {
            {{ inv.billTo.address.line2 }}<br />
          }
          {{ inv.billTo.address.city }} ({{ inv.billTo.address.province ?? 'QC' }}) {{ inv.billTo.address.postalCode }}
        </address>
      </section>

      <section aria-labelledby="bil-lines">
        <h2 id="bil-lines">{{ 'billing.invoice.lines' | t }}</h2>
        <div class="bil-scroll">
          <table class="bil-table" data-testid="invoice-lines">
            <caption class="bil-visually-hidden">{{ 'billing.invoice.linesCaption' | t: { number: inv.number } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'billing.line.description' | t }}</th>
                <th scope="col" class="bil-num">{{ 'billing.line.quantity' | t }}</th>
                <th scope="col" class="bil-num">{{ 'billing.line.unitPrice' | t }}</th>
                <th scope="col" class="bil-num">{{ 'billing.line.amount' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (line of inv.lines; track $index) {
                <tr>
                  <td>{{ line.description }}</td>
                  <td class="bil-num">{{ line.quantity }}</td>
                  <td class="bil-num">{{ line.unitPriceCents | money }}</td>
                  <td class="bil-num">{{ line.amountCents | money }}</td>
                </tr>
              }
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan="3">{{ 'billing.invoice.subtotal' | t }}</th>
                <td class="bil-num">{{ inv.subtotalCents | money }}</td>
              </tr>
              <tr>
                <th scope="row" colspan="3">{{ 'billing.invoice.gst' | t }}</th>
                <td class="bil-num">{{ inv.gstCents | money }}</td>
              </tr>
              <tr>
                <th scope="row" colspan="3">{{ 'billing.invoice.qst' | t }}</th>
                <td class="bil-num">{{ inv.qstCents | money }}</td>
              </tr>
              <tr class="bil-total">
                <th scope="row" colspan="3">{{ 'billing.invoice.total' | t }}</th>
                <td class="bil-num" data-testid="invoice-total">{{ inv.totalCents | money }}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <dl class="bil-balance">
          <dt>{{ 'billing.invoice.paid' | t }}</dt>
          <dd>{{ inv.paidCents | money }}</dd>
          @if (inv.creditedCents > 0) {
            <dt>{{ 'billing.invoice.credited' | t }}</dt>
            <dd>{{ inv.creditedCents | money }}</dd>
          }
          <dt>{{ 'billing.invoice.balance' | t }}</dt>
          <dd data-testid="invoice-balance">{{ inv.balanceCents | money }}</dd>
        </dl>
        <p>
          <a matButton="outlined" [href]="api.pdfUrl(inv.id)" download data-testid="invoice-pdf">{{
            (inv.kind === 'credit-note' ? 'billing.invoice.downloadCreditNote' : 'billing.invoice.download') | t
          }}</a>
        </p>
      </section>

      @if (payable()) {
        <section aria-labelledby="bil-pay" data-testid="pay">
          <h2 id="bil-pay">{{ 'billing.pay.title' | t }}</h2>
          <p>{{ 'billing.pay.due' | t: { amount: (inv.balanceCents | money) } }}</p>
          @if (inProgress(); as pending) {
            <p class="bil-notice">
              {{ 'billing.pay.inProgress' | t }}
              <a [routerLink]="paths.payment(inv.id, pending.id)">{{ 'billing.pay.inProgressLink' | t }}</a>
            </p>
          }
          @if (inv.method === 'cheque' || inv.method === 'deposit') {
            <p class="bil-notice" data-testid="manual-payment-notice">
              {{ (inv.method === 'cheque' ? 'billing.pay.cheque' : 'billing.pay.deposit') | t: { number: inv.number } }}
            </p>
          } @else {
            @if (payError(); as message) {
              <p class="bil-error" role="alert" tabindex="-1" data-pay-error>{{ message }}</p>
            }
            @if (redirecting()) {
              <p role="status">{{ 'billing.pay.redirecting' | t }}</p>
            }
            <div class="bil-actions">
              <button
                matButton="filled"
                type="button"
                [disabled]="!cardAllowed() || busy() !== null"
                disabledInteractive
                [attr.aria-describedby]="cardAllowed() ? 'bil-card-privacy' : 'bil-card-minimum'"
                (click)="payByCard()"
              >
                {{ 'billing.pay.card' | t }}
              </button>
              <button matButton="outlined" type="button" [disabled]="busy() !== null" disabledInteractive (click)="payWithPaypal()">
                {{ 'billing.pay.paypal' | t }}
              </button>
            </div>
            @if (cardAllowed()) {
              <p class="bil-hint" id="bil-card-privacy">{{ 'billing.pay.cardPrivacy' | t }}</p>
            } @else {
              <p class="bil-hint" id="bil-card-minimum" data-testid="card-minimum">{{ 'billing.pay.cardMinimum' | t }}</p>
            }
          }
        </section>
      }

      <section aria-labelledby="bil-payments">
        <h2 id="bil-payments">{{ 'billing.invoice.payments' | t }}</h2>
        @if (inv.payments.length === 0) {
          <p>{{ 'billing.invoice.noPayments' | t }}</p>
        } @else {
          <div class="bil-scroll">
            <table class="bil-table" data-testid="invoice-payments">
              <caption class="bil-visually-hidden">{{ 'billing.invoice.paymentsCaption' | t: { number: inv.number } }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'billing.payment.date' | t }}</th>
                  <th scope="col">{{ 'billing.payment.method' | t }}</th>
                  <th scope="col">{{ 'billing.payment.label' | t }}</th>
                  <th scope="col" class="bil-num">{{ 'billing.payment.amount' | t }}</th>
                  <th scope="col">{{ 'billing.payment.state' | t }}</th>
                  <th scope="col" class="bil-num">{{ 'billing.payment.refunded' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (payment of inv.payments; track payment.id) {
                  <tr>
                    <td>{{ payment.confirmedAt ?? payment.createdAt | billingDate }}</td>
                    <td>{{ method(payment.method) | t }}</td>
                    <td>{{ payment.label ?? '' }}</td>
                    <td class="bil-num">{{ payment.amountCents | money }}</td>
                    <td>{{ paymentState(payment) | t }}</td>
                    <td class="bil-num">{{ payment.refundedCents | money }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>

      @if (inv.creditNotes.length > 0) {
        <section aria-labelledby="bil-credit-notes">
          <h2 id="bil-credit-notes">{{ 'billing.invoice.creditNotes' | t }}</h2>
          <p>{{ 'billing.invoice.creditNotesIntro' | t }}</p>
          <ul>
            @for (note of inv.creditNotes; track note.id) {
              <li>
                <a [routerLink]="paths.invoice(note.id)">{{ note.number }}</a>
                — {{ note.issuedAt | billingDate }} — {{ note.totalCents | money }}
              </li>
            }
          </ul>
        </section>
      }

      <ul class="bil-links">
        <li><a [routerLink]="paths.invoices">{{ 'billing.invoice.back' | t }}</a></li>
      </ul>
    } @else {
      <h1>{{ 'billing.invoices.title' | t }}</h1>
      <p role="status">{{ 'billing.loading' | t }}</p>
    }
  `,
  styleUrl: '../shared/billing-page.scss',
})
export class InvoicePage {
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  /** `?annule=1`: back from « Annuler » on the provider's card page. */
  readonly annule = input<string | undefined>();

  protected readonly api = inject(BillingApi);
  private readonly i18n = inject(I18n);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<BillingKey>();

  protected readonly paths = BILLING_PATHS;
  protected readonly status = statusKey;
  protected readonly method = methodKey;
  protected readonly paymentState = paymentStateKey;

  protected readonly invoice = signal<InvoiceDetail | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly payError = signal<string | null>(null);
  protected readonly busy = signal<Busy>(null);
  protected readonly redirecting = signal(false);

  protected readonly payable = computed(() => {
    const inv = this.invoice();
    return !!inv && inv.kind === 'invoice' && inv.status === 'issued' && inv.balanceCents > 0;
  });
  /** Manual 000: « Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $ » (the API refuses it too). */
  protected readonly cardAllowed = computed(() => (this.invoice()?.balanceCents ?? 0) >= CARD_PAYMENT_MINIMUM_CENTS);
  protected readonly inProgress = computed(
    () => this.invoice()?.payments.find((p) => p.state === 'pending' || p.state === 'requires-action') ?? null,
  );

  constructor() {
    // The same page shows another invoice when a credit note's link is followed.
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected titleKey(invoice: InvoiceSummary): BillingKey {
    return `billing.invoice.title.${invoice.kind}`;
  }

  protected serviceKey(invoice: InvoiceSummary): BillingKey {
    return `billing.service.${invoice.reference.service}`;
  }

  protected billToKindKey(invoice: InvoiceDetail): BillingKey {
    return `billing.invoice.billTo.${invoice.billTo.kind}`;
  }

  /** Back from the provider's page with the browser's « Précédent » (page restored from the cache): the buttons work again. */
  protected onPageShow(event: PageTransitionEvent): void {
    if (event.persisted) {
      this.busy.set(null);
      this.redirecting.set(false);
    }
  }

  /** To the provider's hosted card page; it comes back to `/factures/:id/carte?token=…`. */
  protected payByCard(): Promise<void> {
    if (!this.cardAllowed()) return Promise.resolve();
    return this.leaveForProvider('card', async (id) => (await this.api.startCardCheckout(id, this.i18n.language())).url);
  }

  /** To PayPal's page; it comes back to `/factures/:id/paypal?paymentId=…` (`&annule=1` when canceled). */
  protected payWithPaypal(): Promise<void> {
    // A fresh key per click: the button is disabled meanwhile, and a canceled attempt must not be answered again.
    const key = globalThis.crypto.randomUUID();
    return this.leaveForProvider('paypal', async (id) => (await this.api.startPaypal(id, key, this.i18n.language())).approveUrl);
  }

  private async leaveForProvider(kind: Exclude<Busy, null>, urlOf: (invoiceId: string) => Promise<string>): Promise<void> {
    const invoice = this.invoice();
    if (!invoice || this.busy() !== null) return;
    this.busy.set(kind);
    this.payError.set(null);
    try {
      const url = await urlOf(invoice.id);
      this.redirecting.set(true);
      this.window?.location.assign(url);
    } catch (error) {
      this.busy.set(null);
      this.payError.set(problemText(toApiProblem(error), this.translate));
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-pay-error]')?.focus(), {
        injector: this.injector,
      });
    }
  }

  private async load(id: string): Promise<void> {
    this.loadError.set(null);
    this.payError.set(null);
    this.busy.set(null);
    this.redirecting.set(false);
    try {
      this.invoice.set(await this.api.invoice(id));
    } catch (error) {
      this.invoice.set(null);
      this.loadError.set(problemText(toApiProblem(error), this.translate));
    }
  }
}
