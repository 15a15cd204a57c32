import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink, type ParamMap } from '@angular/router';
import { AdminBillingTranslatePipe } from '../admin-billing.translations';
import { ADMIN_BILLING_PATHS } from '../admin-billing.routes';
import { toApiProblem } from '@guichet/shared/web-http';
import {
  BILLING_SERVICES,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  PAYMENT_METHODS,
  type InvoicePage,
  type InvoiceSearchFilters,
  type InvoiceSummary,
} from '../data-access/billing.models';
import { FinanceApi } from '../data-access/finance-api.service';
import { injectFinanceFormat } from '../shared/finance-format';

const PAGE_SIZE = 25;
const FILTERS = ['status', 'kind', 'method', 'service', 'from', 'to', 'payer'] as const;
type FilterName = (typeof FILTERS)[number];

/**
 * « Bureau des finances »: every invoice and credit note, filtered by status, method, dates,
 * originating service and payer. The filters live in the address, so « Retour » and a shared link
 * show the same list.
 */
@Component({
  selector: 'adm-invoices-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatHint, MatInput, MatButton, MatAnchor, AdminBillingTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'adminBilling.desk.title' | t }}</h1>
    <nav class="fin-toolbar" [attr.aria-label]="'adminBilling.desk.actions' | t">
      <a mat-flat-button [routerLink]="paths.newInvoice">{{ 'adminBilling.desk.newInvoice' | t }}</a>
      <a mat-stroked-button [routerLink]="paths.reconciliation">{{ 'adminBilling.desk.reconciliation' | t }}</a>
      <a mat-stroked-button [routerLink]="paths.heldPayments">{{ 'adminBilling.desk.held' | t }}</a>
    </nav>

    <form class="fin-filters" [formGroup]="filters" (ngSubmit)="apply()" role="search" [attr.aria-label]="'adminBilling.filters.label' | t">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.filters.status' | t }}</mat-label>
        <select matNativeControl formControlName="status">
          <option value="">{{ 'adminBilling.filters.any' | t }}</option>
          @for (status of statuses; track status) {
            <option [value]="status">{{ f.status(status) }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.filters.kind' | t }}</mat-label>
        <select matNativeControl formControlName="kind">
          <option value="">{{ 'adminBilling.filters.any' | t }}</option>
          @for (kind of kinds; track kind) {
            <option [value]="kind">{{ f.kind(kind) }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.filters.method' | t }}</mat-label>
        <select matNativeControl formControlName="method">
          <option value="">{{ 'adminBilling.filters.any' | t }}</option>
          @for (method of methods; track method) {
            <option [value]="method">{{ f.method(method) }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.filters.service' | t }}</mat-label>
        <select matNativeControl formControlName="service">
          <option value="">{{ 'adminBilling.filters.any' | t }}</option>
          @for (service of services; track service) {
            <option [value]="service">{{ f.service(service) }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.filters.from' | t }}</mat-label>
        <input matInput type="date" formControlName="from" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.filters.to' | t }}</mat-label>
        <input matInput type="date" formControlName="to" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.filters.payer' | t }}</mat-label>
        <input matInput type="search" formControlName="payer" />
        <mat-hint>{{ 'adminBilling.filters.payerHint' | t }}</mat-hint>
      </mat-form-field>
      <div class="fin-toolbar">
        <button mat-flat-button type="submit">{{ 'adminBilling.filters.submit' | t }}</button>
        <button mat-button type="button" (click)="clear()">{{ 'adminBilling.filters.reset' | t }}</button>
      </div>
    </form>

    <p class="fin-toolbar">
      <a mat-stroked-button [href]="exportUrl('invoices')" download>{{ 'adminBilling.desk.exportInvoices' | t }}</a>
      <a mat-stroked-button [href]="exportUrl('payments')" download>{{ 'adminBilling.desk.exportPayments' | t }}</a>
    </p>
    <p>{{ 'adminBilling.desk.exportHint' | t }}</p>

    @if (error(); as message) {
      <p class="fin-error" role="alert">{{ message }}</p>
    }
    <div aria-live="polite">
      @if (result(); as page) {
        @if (page.items.length === 0) {
          <p>{{ 'adminBilling.invoices.none' | t }}</p>
        }
      }
    </div>
    @if (result(); as page) {
      @if (page.items.length > 0) {
        <table class="fin-table" data-testid="invoices">
          <caption>{{ 'adminBilling.invoices.caption' | t: { total: page.total } }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'adminBilling.invoices.number' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoices.issuedAt' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoices.billTo' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoices.payer' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoices.service' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoices.method' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoices.status' | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.invoices.total' | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.invoices.balance' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (invoice of page.items; track invoice.id) {
              <tr>
                <th scope="row">
                  <a [routerLink]="paths.invoice(invoice.id)">{{ invoice.number }}</a>
                  @if (invoice.kind === 'credit-note') {
                    <br />{{ 'adminBilling.invoices.creditNoteOf' | t: { number: invoice.originalInvoiceNumber ?? '' } }}
                  }
                </th>
                <td>{{ f.dateTime(invoice.issuedAt) }}</td>
                <td>{{ invoice.billToName }}</td>
                <td>{{ invoice.payerEmail }}</td>
                <td>{{ f.service(invoice.reference.service) }}</td>
                <td>{{ f.method(invoice.method) }}</td>
                <td>{{ statusOf(invoice) }}</td>
                <td class="fin-num">{{ f.money(invoice.totalCents) }}</td>
                <td class="fin-num">{{ f.money(invoice.balanceCents) }}</td>
              </tr>
            }
          </tbody>
        </table>
        <nav class="fin-pager" [attr.aria-label]="'adminBilling.pager.label' | t">
          <button mat-button type="button" [disabled]="currentPage() <= 1" (click)="goTo(currentPage() - 1)">
            {{ 'adminBilling.pager.previous' | t }}
          </button>
          <span>{{ 'adminBilling.pager.page' | t: { page: currentPage(), pages: pages() } }}</span>
          <button mat-button type="button" [disabled]="currentPage() >= pages()" (click)="goTo(currentPage() + 1)">
            {{ 'adminBilling.pager.next' | t }}
          </button>
        </nav>
      }
    }
  `,
  styleUrl: '../shared/finance-page.scss',
})
export class InvoicesPage {
  private readonly api = inject(FinanceApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly f = injectFinanceFormat();
  protected readonly paths = ADMIN_BILLING_PATHS;
  protected readonly statuses = INVOICE_STATUSES;
  protected readonly kinds = INVOICE_KINDS;
  protected readonly methods = PAYMENT_METHODS;
  protected readonly services = BILLING_SERVICES;

  protected readonly result = signal<InvoicePage | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly currentPage = signal(1);
  /** The filters the list shows (the form may hold edits not applied yet). */
  private readonly applied = signal<InvoiceSearchFilters>({});
  protected readonly pages = computed(() => Math.max(1, Math.ceil((this.result()?.total ?? 0) / PAGE_SIZE)));

  protected readonly filters = inject(FormBuilder).nonNullable.group<Record<FilterName, string>>({
    status: '',
    kind: '',
    method: '',
    service: '',
    from: '',
    to: '',
    payer: '',
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => void this.load(params));
  }

  protected statusOf(invoice: InvoiceSummary): string {
    return this.f.status(invoice.status);
  }

  /** The exports cover the period of the applied filters (« du … au … »). */
  protected exportUrl(what: 'invoices' | 'payments'): string {
    const { from, to } = this.applied();
    return this.api.exportUrl(what, { from, to });
  }

  protected apply(): Promise<boolean> {
    const values = this.filters.getRawValue();
    const queryParams: Record<string, string | null> = {};
    for (const name of FILTERS) queryParams[name] = values[name].trim() || null;
    return this.router.navigate([], { relativeTo: this.route, queryParams: { ...queryParams, page: null } });
  }

  protected clear(): Promise<boolean> {
    this.filters.reset();
    return this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected goTo(page: number): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: { page: page > 1 ? page : null }, queryParamsHandling: 'merge' });
  }

  private async load(params: ParamMap): Promise<void> {
    const values = {} as Record<FilterName, string>;
    for (const name of FILTERS) values[name] = params.get(name) ?? '';
    this.filters.setValue(values);
    const page = Math.max(1, Number(params.get('page')) || 1);
    const filters: InvoiceSearchFilters = {
      status: pick(INVOICE_STATUSES, values.status),
      kind: pick(INVOICE_KINDS, values.kind),
      method: pick(PAYMENT_METHODS, values.method),
      service: values.service || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      payer: values.payer || undefined,
    };
    this.applied.set(filters);
    this.currentPage.set(page);
    this.error.set(null);
    try {
      this.result.set(await this.api.searchInvoices({ ...filters, page, pageSize: PAGE_SIZE }));
    } catch (error) {
      this.result.set(null);
      this.error.set(toApiProblem(error).detail ?? this.f.t('adminBilling.errors.generic'));
    }
  }
}

function pick<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
