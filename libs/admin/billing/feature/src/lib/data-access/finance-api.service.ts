import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { httpParamsOf } from '@guichet/shared/web-http';
import type {
  HeldPayment,
  InvoiceDetail,
  InvoicePage,
  InvoiceSearchFilters,
  ManualPaymentForm,
  NewInvoiceForm,
  PaymentView,
  Reconciliation,
  RefundForm,
  RefundView,
} from './billing.models';

const BASE = '/api/billing/finance';

const id = (value: string): string => encodeURIComponent(value);

/**
 * The finance desk's calls (`/api/billing/finance/…`, role `finance`); the API checks the role again.
 * Mutations carry the XSRF header through the app's `withXsrfConfiguration`.
 */
@Injectable({ providedIn: 'root' })
export class FinanceApi {
  private readonly http = inject(HttpClient);

  searchInvoices(filters: InvoiceSearchFilters): Promise<InvoicePage> {
    const { status, kind, method, service, from, to, payer, page, pageSize } = filters;
    return firstValueFrom(
      this.http.get<InvoicePage>(`${BASE}/invoices`, { params: httpParamsOf({ status, kind, method, service, from, to, payer, page, pageSize }) }),
    );
  }

  invoice(invoiceId: string): Promise<InvoiceDetail> {
    return firstValueFrom(this.http.get<InvoiceDetail>(`${BASE}/invoices/${id(invoiceId)}`));
  }

  createInvoice(form: NewInvoiceForm): Promise<{ invoiceId: string; number: string }> {
    return firstValueFrom(this.http.post<{ invoiceId: string; number: string }>(`${BASE}/invoices`, form));
  }

  recordPayment(invoiceId: string, form: ManualPaymentForm): Promise<PaymentView> {
    return firstValueFrom(this.http.post<PaymentView>(`${BASE}/invoices/${id(invoiceId)}/payments`, form));
  }

  refund(paymentId: string, form: RefundForm): Promise<RefundView> {
    return firstValueFrom(this.http.post<RefundView>(`${BASE}/payments/${id(paymentId)}/refunds`, form));
  }

  heldPayments(): Promise<readonly HeldPayment[]> {
    return firstValueFrom(this.http.get<readonly HeldPayment[]>(`${BASE}/held-payments`));
  }

  reconciliation(date: string): Promise<Reconciliation> {
    return firstValueFrom(this.http.get<Reconciliation>(`${BASE}/reconciliation`, { params: httpParamsOf({ date }) }));
  }

  /** Plain links (the browser downloads what the API sends as an attachment). */
  pdfUrl(invoiceId: string): string {
    return `${BASE}/invoices/${id(invoiceId)}/pdf`;
  }

  exportUrl(what: 'invoices' | 'payments', range: { readonly from?: string; readonly to?: string }): string {
    const query = httpParamsOf({ from: range.from, to: range.to }).toString();
    return `${BASE}/exports/${what}.csv${query ? `?${query}` : ''}`;
  }
}
