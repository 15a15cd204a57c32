import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BillingApi, toApiProblem, type InvoiceSummary } from '@guichet/portal/billing/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { BillingTranslatePipe, type BillingKey } from '../billing.translations';
import { BILLING_PATHS } from '../shared/billing-paths';
import { problemText } from '../shared/problem-text';
import { BillingDatePipe, MoneyPipe, statusKey } from '../shared/format';

/** « Mes factures »: the signed-in payer's invoices and credit notes (the API shows nobody else's). */
@Component({
  selector: 'bil-invoices-page',
  imports: [RouterLink, BillingTranslatePipe, MoneyPipe, BillingDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'billing.invoices.title' | t }}</h1>
    @if (loadError(); as message) {
      <p class="bil-error" role="alert">{{ message }}</p>
    } @else if (invoices(); as list) {
      @if (list.length === 0) {
        <p class="bil-notice" data-testid="invoices-empty">{{ 'billing.invoices.empty' | t }}</p>
      } @else {
        <p class="bil-intro">{{ 'billing.invoices.intro' | t }}</p>
        <div class="bil-scroll">
          <table class="bil-table" data-testid="invoices">
            <caption class="bil-visually-hidden">{{ 'billing.invoices.caption' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'billing.col.number' | t }}</th>
                <th scope="col">{{ 'billing.col.date' | t }}</th>
                <th scope="col">{{ 'billing.col.kind' | t }}</th>
                <th scope="col">{{ 'billing.col.service' | t }}</th>
                <th scope="col" class="bil-num">{{ 'billing.col.total' | t }}</th>
                <th scope="col" class="bil-num">{{ 'billing.col.balance' | t }}</th>
                <th scope="col">{{ 'billing.col.status' | t }}</th>
                <th scope="col">{{ 'billing.col.pdf' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (invoice of list; track invoice.id) {
                <tr [attr.data-number]="invoice.number">
                  <th scope="row">
                    <a [routerLink]="path(invoice.id)">{{ invoice.number }}</a>
                  </th>
                  <td>{{ invoice.issuedAt | billingDate }}</td>
                  <td>{{ kindKey(invoice) | t }}</td>
                  <td>{{ serviceKey(invoice) | t }}</td>
                  <td class="bil-num">{{ invoice.totalCents | money }}</td>
                  <td class="bil-num">{{ invoice.balanceCents | money }}</td>
                  <td data-testid="invoice-status">{{ status(invoice) | t }}</td>
                  <td>
                    <a [href]="api.pdfUrl(invoice.id)" download
                      >{{ 'billing.pdf.short' | t }}<span class="bil-visually-hidden">
                        {{ 'billing.pdf.of' | t: { number: invoice.number } }}</span
                      ></a
                    >
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <p role="status">{{ 'billing.loading' | t }}</p>
    }
  `,
  styleUrl: '../shared/billing-page.scss',
})
export class InvoicesPage implements OnInit {
  protected readonly api = inject(BillingApi);
  private readonly translate = injectTranslate<BillingKey>();

  protected readonly invoices = signal<readonly InvoiceSummary[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly path = BILLING_PATHS.invoice;
  protected readonly status = statusKey;

  async ngOnInit(): Promise<void> {
    try {
      this.invoices.set(await this.api.invoices());
    } catch (error) {
      this.loadError.set(problemText(toApiProblem(error), this.translate));
    }
  }

  protected kindKey(invoice: InvoiceSummary): BillingKey {
    return `billing.kind.${invoice.kind}`;
  }

  protected serviceKey(invoice: InvoiceSummary): BillingKey {
    return `billing.service.${invoice.reference.service}`;
  }
}
