import { ChangeDetectionStrategy, Component, ElementRef, Injector, OnInit, afterNextRender, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AdminBillingTranslatePipe } from '../admin-billing.translations';
import { ADMIN_BILLING_PATHS } from '../admin-billing.routes';
import { toApiProblem } from '@guichet/shared/web-http';
import type { HeldPayment, RefundView } from '../data-access/billing.models';
import { FinanceApi } from '../data-access/finance-api.service';
import { injectFinanceFormat } from '../shared/finance-format';
import { RefundFormComponent } from '../shared/refund-form.component';

/**
 * « Paiements retenus »: payments the provider confirmed after the order expired or the invoice was
 * canceled. Billing never applies them silently; staff refund them from here.
 */
@Component({
  selector: 'adm-held-payments-page',
  imports: [RouterLink, AdminBillingTranslatePipe, RefundFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a [routerLink]="paths.desk">{{ 'adminBilling.invoice.back' | t }}</a></p>
    <h1>{{ 'adminBilling.held.title' | t }}</h1>
    <p>{{ 'adminBilling.held.intro' | t }}</p>
    <div aria-live="polite">
      @if (status(); as message) {
        <p class="fin-status" tabindex="-1" data-testid="finance-status">{{ message }}</p>
      }
    </div>
    @if (error(); as message) {
      <p class="fin-error" role="alert">{{ message }}</p>
    }
    @if (payments(); as payments) {
      @if (payments.length === 0) {
        <p>{{ 'adminBilling.held.none' | t }}</p>
      } @else {
        <table class="fin-table" data-testid="held-payments">
          <caption>{{ 'adminBilling.held.caption' | t: { count: payments.length } }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'adminBilling.reconciliation.invoice' | t }}</th>
              <th scope="col">{{ 'adminBilling.reconciliation.confirmedAt' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.paymentMethod' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.paymentLabel' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.paymentState' | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.invoice.amount' | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.invoice.refunded' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.actions' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (payment of payments; track payment.id) {
              <tr>
                <th scope="row"><a [routerLink]="paths.invoice(payment.invoiceId)">{{ payment.invoiceNumber }}</a></th>
                <td>{{ f.dateTime(payment.confirmedAt ?? payment.createdAt) }}</td>
                <td>{{ f.method(payment.method) }}</td>
                <td>{{ payment.label }}</td>
                <td>{{ f.paymentState(payment.state) }}</td>
                <td class="fin-num">{{ f.money(payment.amountCents) }}</td>
                <td class="fin-num">{{ f.money(payment.refundedCents) }}</td>
                <td>
                  @if (payment.amountCents > payment.refundedCents) {
                    <adm-refund-form [payment]="payment" [invoiceNumber]="payment.invoiceNumber" (refunded)="onRefunded($event)" />
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
  styleUrl: '../shared/finance-page.scss',
})
export class HeldPaymentsPage implements OnInit {
  private readonly api = inject(FinanceApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectFinanceFormat();
  protected readonly paths = ADMIN_BILLING_PATHS;

  protected readonly payments = signal<readonly HeldPayment[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);

  ngOnInit(): Promise<void> {
    return this.load();
  }

  protected async onRefunded(refund: RefundView): Promise<void> {
    await this.load();
    this.status.set(this.f.t('adminBilling.refund.done', { amount: this.f.money(refund.amountCents), number: refund.creditNoteNumber }));
    // The row (and its form) may be gone: the keyboard goes to the outcome.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="finance-status"]')?.focus(), { injector: this.injector });
  }

  private async load(): Promise<void> {
    this.error.set(null);
    try {
      this.payments.set(await this.api.heldPayments());
    } catch (error) {
      this.error.set(toApiProblem(error).detail ?? this.f.t('adminBilling.errors.generic'));
    }
  }
}
