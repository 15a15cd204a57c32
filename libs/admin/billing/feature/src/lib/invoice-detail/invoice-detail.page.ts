import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AdminBillingTranslatePipe } from '../admin-billing.translations';
import { ADMIN_BILLING_PATHS } from '../admin-billing.routes';
import { toApiProblem } from '@guichet/shared/web-http';
import type { InvoiceDetail, PaymentView, RefundView } from '../data-access/billing.models';
import { FinanceApi } from '../data-access/finance-api.service';
import { injectFinanceFormat } from '../shared/finance-format';
import { RefundFormComponent } from '../shared/refund-form.component';
import { RecordPaymentComponent } from './record-payment.component';

const REFUNDABLE: readonly PaymentView['state'][] = ['confirmed', 'partially-refunded'];

/**
 * One invoice or credit note for the finance desk: « Facturé à », lines, taxes, totals and balance,
 * payments with their state, refunds, credit notes, the « Historique », the PDF; « Enregistrer un
 * paiement » while money is due and « Rembourser » on a confirmed payment.
 */
@Component({
  selector: 'adm-invoice-detail-page',
  imports: [RouterLink, MatAnchor, AdminBillingTranslatePipe, RecordPaymentComponent, RefundFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a [routerLink]="paths.desk">{{ 'adminBilling.invoice.back' | t }}</a></p>
    @if (invoice(); as invoice) {
      <h1>
        {{ (invoice.kind === 'credit-note' ? 'adminBilling.invoice.creditNoteTitle' : 'adminBilling.invoice.title') | t: { number: invoice.number } }}
      </h1>
      <div aria-live="polite">
        @if (status(); as message) {
          <p class="fin-status" data-testid="finance-status" tabindex="-1">{{ message }}</p>
        }
      </div>
      <p>
        <a mat-stroked-button [href]="pdfUrl()" download>{{ 'adminBilling.invoice.pdf' | t }}</a>
      </p>

      <section aria-labelledby="adm-summary-title">
        <h2 id="adm-summary-title">{{ 'adminBilling.invoice.summary' | t }}</h2>
        <dl class="fin-facts">
          <dt>{{ 'adminBilling.invoices.status' | t }}</dt>
          <dd data-testid="invoice-status">{{ f.status(invoice.status) }}</dd>
          <dt>{{ 'adminBilling.invoices.issuedAt' | t }}</dt>
          <dd>{{ f.dateTime(invoice.issuedAt) }}</dd>
          <dt>{{ 'adminBilling.invoices.method' | t }}</dt>
          <dd>{{ f.method(invoice.method) }}</dd>
          <dt>{{ 'adminBilling.invoice.reference' | t }}</dt>
          <dd>{{ f.service(invoice.reference.service) }} · {{ invoice.reference.id }}</dd>
          <dt>{{ 'adminBilling.invoice.payerEmail' | t }}</dt>
          <dd>{{ invoice.payerEmail }}</dd>
          <dt>{{ 'adminBilling.invoice.lang' | t }}</dt>
          <dd>{{ invoice.lang === 'en' ? 'English' : 'Français' }}</dd>
          @if (invoice.payableUntil) {
            <dt>{{ 'adminBilling.invoice.payableUntil' | t }}</dt>
            <dd>{{ f.dateTime(invoice.payableUntil) }}</dd>
          }
          @if (invoice.originalInvoiceNumber) {
            <dt>{{ 'adminBilling.invoice.original' | t }}</dt>
            <dd>{{ invoice.originalInvoiceNumber }}</dd>
          }
        </dl>
      </section>

      <section aria-labelledby="adm-billto-title">
        <h2 id="adm-billto-title">{{ 'adminBilling.invoice.billTo' | t }}</h2>
        <address>
          {{ (invoice.billTo.kind === 'organization' ? 'adminBilling.invoice.organization' : 'adminBilling.invoice.individual') | t }}<br />
          <strong>{{ invoice.billTo.name }}</strong><br />
          @if (invoice.billTo.attention) {
            {{ 'adminBilling.invoice.attention' | t: { name: invoice.billTo.attention } }}<br />
          }
          {{ invoice.billTo.address.line1 }}<br />
          @if (invoice.billTo.address.line2) {
            {{ invoice.billTo.address.line2 }}<br />
          }
          {{ invoice.billTo.address.city }} ({{ invoice.billTo.address.province ?? 'QC' }}) {{ invoice.billTo.address.postalCode }}
        </address>
      </section>

      <table class="fin-table">
        <caption>{{ 'adminBilling.invoice.lines' | t }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ 'adminBilling.invoice.description' | t }}</th>
            <th scope="col" class="fin-num">{{ 'adminBilling.invoice.quantity' | t }}</th>
            <th scope="col" class="fin-num">{{ 'adminBilling.invoice.unitPrice' | t }}</th>
            <th scope="col" class="fin-num">{{ 'adminBilling.invoice.amount' | t }}</th>
            <th scope="col" class="fin-num">{{ 'adminBilling.invoice.gst' | t }}</th>
            <th scope="col" class="fin-num">{{ 'adminBilling.invoice.qst' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (line of invoice.lines; track $index) {
            <tr>
              <th scope="row">{{ line.description }}</th>
              <td class="fin-num">{{ line.quantity }}</td>
              <td class="fin-num">{{ f.money(line.unitPriceCents) }}</td>
              <td class="fin-num">{{ f.money(line.amountCents) }}</td>
              <td class="fin-num">{{ f.money(line.gstCents) }}</td>
              <td class="fin-num">{{ f.money(line.qstCents) }}</td>
            </tr>
          }
        </tbody>
      </table>

      <table class="fin-table fin-totals" data-testid="invoice-totals">
        <caption>{{ 'adminBilling.invoice.totals' | t }}</caption>
        <tbody>
          <tr><th scope="row">{{ 'adminBilling.invoice.subtotal' | t }}</th><td class="fin-num">{{ f.money(invoice.subtotalCents) }}</td></tr>
          <tr><th scope="row">{{ 'adminBilling.invoice.gst' | t }}</th><td class="fin-num">{{ f.money(invoice.gstCents) }}</td></tr>
          <tr><th scope="row">{{ 'adminBilling.invoice.qst' | t }}</th><td class="fin-num">{{ f.money(invoice.qstCents) }}</td></tr>
          <tr><th scope="row">{{ 'adminBilling.invoice.total' | t }}</th><td class="fin-num">{{ f.money(invoice.totalCents) }}</td></tr>
          <tr><th scope="row">{{ 'adminBilling.invoice.paid' | t }}</th><td class="fin-num">{{ f.money(invoice.paidCents) }}</td></tr>
          <tr><th scope="row">{{ 'adminBilling.invoice.credited' | t }}</th><td class="fin-num">{{ f.money(invoice.creditedCents) }}</td></tr>
          <tr><th scope="row">{{ 'adminBilling.invoice.balance' | t }}</th><td class="fin-num" data-testid="invoice-balance">{{ f.money(invoice.balanceCents) }}</td></tr>
        </tbody>
      </table>

      @if (canRecord()) {
        <adm-record-payment [invoice]="invoice" (recorded)="onRecorded($event)" />
      }

      <section aria-labelledby="adm-payments-title">
        <h2 id="adm-payments-title">{{ 'adminBilling.invoice.payments' | t }}</h2>
        @if (invoice.payments.length === 0) {
          <p>{{ 'adminBilling.invoice.noPayments' | t }}</p>
        } @else {
          <table class="fin-table" data-testid="payments">
            <caption>{{ 'adminBilling.invoice.payments' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'adminBilling.invoice.paymentDate' | t }}</th>
                <th scope="col">{{ 'adminBilling.invoice.paymentMethod' | t }}</th>
                <th scope="col">{{ 'adminBilling.invoice.paymentLabel' | t }}</th>
                <th scope="col">{{ 'adminBilling.invoice.paymentState' | t }}</th>
                <th scope="col" class="fin-num">{{ 'adminBilling.invoice.amount' | t }}</th>
                <th scope="col" class="fin-num">{{ 'adminBilling.invoice.refunded' | t }}</th>
                <th scope="col">{{ 'adminBilling.invoice.actions' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (payment of invoice.payments; track payment.id) {
                <tr>
                  <td>{{ f.dateTime(payment.confirmedAt ?? payment.createdAt) }}</td>
                  <td>{{ f.method(payment.method) }}</td>
                  <td>{{ payment.label }}</td>
                  <td>
                    {{ f.paymentState(payment.state) }}
                    @if (payment.heldForStaff) {
                      <br /><strong>{{ 'adminBilling.invoice.held' | t }}</strong>
                    }
                  </td>
                  <td class="fin-num">{{ f.money(payment.amountCents) }}</td>
                  <td class="fin-num">{{ f.money(payment.refundedCents) }}</td>
                  <td>
                    @if (refundable(payment)) {
                      <adm-refund-form [payment]="payment" (refunded)="onRefunded($event)" />
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>

      <section aria-labelledby="adm-refunds-title">
        <h2 id="adm-refunds-title">{{ 'adminBilling.invoice.refunds' | t }}</h2>
        @if (invoice.refunds.length === 0) {
          <p>{{ 'adminBilling.invoice.noRefunds' | t }}</p>
        } @else {
          <table class="fin-table">
            <caption>{{ 'adminBilling.invoice.refunds' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'adminBilling.invoice.paymentDate' | t }}</th>
                <th scope="col" class="fin-num">{{ 'adminBilling.invoice.amount' | t }}</th>
                <th scope="col">{{ 'adminBilling.invoice.paymentState' | t }}</th>
                <th scope="col">{{ 'adminBilling.invoice.reason' | t }}</th>
                <th scope="col">{{ 'adminBilling.invoice.creditNote' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (refund of invoice.refunds; track refund.id) {
                <tr>
                  <td>{{ f.dateTime(refund.createdAt) }}</td>
                  <td class="fin-num">{{ f.money(refund.amountCents) }}</td>
                  <td>{{ f.refundState(refund.state) }}</td>
                  <td>{{ refund.reason }}</td>
                  <td><a [routerLink]="paths.invoice(refund.creditNoteId)">{{ refund.creditNoteNumber }}</a></td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>

      <section aria-labelledby="adm-credit-notes-title">
        <h2 id="adm-credit-notes-title">{{ 'adminBilling.invoice.creditNotes' | t }}</h2>
        @if (invoice.creditNotes.length === 0) {
          <p>{{ 'adminBilling.invoice.noCreditNotes' | t }}</p>
        } @else {
          <ul>
            @for (note of invoice.creditNotes; track note.id) {
              <li>
                <a [routerLink]="paths.invoice(note.id)">{{ note.number }}</a> · {{ f.dateTime(note.issuedAt) }} · {{ f.money(note.totalCents) }}
              </li>
            }
          </ul>
        }
      </section>

      <section aria-labelledby="adm-history-title">
        <h2 id="adm-history-title">{{ 'adminBilling.invoice.history' | t }}</h2>
        <table class="fin-table" data-testid="history">
          <caption>{{ 'adminBilling.invoice.history' | t }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'adminBilling.invoice.when' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.action' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.actor' | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.invoice.amount' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.details' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (entry of invoice.history; track $index) {
              <tr>
                <td>{{ f.dateTime(entry.at) }}</td>
                <td>{{ f.historyAction(entry.action) }}</td>
                <td>{{ f.actor(entry.actor) }}</td>
                <td class="fin-num">{{ entry.amountCents === null ? '' : f.money(entry.amountCents) }}</td>
                <td>{{ entry.details }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
    } @else if (error(); as message) {
      <h1>{{ 'adminBilling.kind.invoice' | t }}</h1>
      <p class="fin-error" role="alert">{{ message }}</p>
    } @else {
      <h1>{{ 'adminBilling.kind.invoice' | t }}</h1>
      <p role="status">{{ 'adminBilling.invoice.loading' | t }}</p>
    }
  `,
  styleUrl: '../shared/finance-page.scss',
  styles: `
    .fin-totals {
      max-width: 24rem;
    }
    address {
      font-style: normal;
    }
  `,
})
export class InvoiceDetailPage {
  private readonly api = inject(FinanceApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectFinanceFormat();
  protected readonly paths = ADMIN_BILLING_PATHS;

  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly invoice = signal<InvoiceDetail | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly pdfUrl = computed(() => this.api.pdfUrl(this.id()));
  protected readonly canRecord = computed(() => {
    const invoice = this.invoice();
    return !!invoice && invoice.kind === 'invoice' && invoice.status === 'issued' && invoice.balanceCents > 0;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.invoice.set(null);
        this.status.set(null);
        void this.load(id);
      });
    });
  }

  protected refundable(payment: PaymentView): boolean {
    return REFUNDABLE.includes(payment.state) && payment.amountCents > payment.refundedCents;
  }

  protected async onRecorded(payment: PaymentView): Promise<void> {
    await this.load(this.id());
    this.showDone(this.f.t('adminBilling.record.done', { amount: this.f.money(payment.amountCents) }));
  }

  protected async onRefunded(refund: RefundView): Promise<void> {
    await this.load(this.id());
    this.showDone(this.f.t('adminBilling.refund.done', { amount: this.f.money(refund.amountCents), number: refund.creditNoteNumber }));
  }

  /** The form that was used may be gone (nothing left to pay): the keyboard goes to the outcome. */
  private showDone(message: string): void {
    this.status.set(message);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="finance-status"]')?.focus(), { injector: this.injector });
  }

  private async load(id: string): Promise<void> {
    this.error.set(null);
    try {
      this.invoice.set(await this.api.invoice(id));
    } catch (error) {
      const problem = toApiProblem(error);
      this.invoice.set(null);
      this.error.set(problem.status === 404 ? this.f.t('adminBilling.invoice.notFound') : (problem.detail ?? this.f.t('adminBilling.errors.generic')));
    }
  }
}
