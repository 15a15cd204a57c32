import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CardCheckout, InvoiceDetail, InvoiceSummary, PaymentView, PaypalCheckout } from './billing.models';

/** The language the provider's pages and the API's messages should use. */
export type BillingLanguage = 'fr' | 'en';

const invoicePath = (invoiceId: string): string => `/api/billing/invoices/${encodeURIComponent(invoiceId)}`;
const paymentPath = (paymentId: string): string => `/api/billing/payments/${encodeURIComponent(paymentId)}`;

/**
 * The payer's side of the Billing API (`/api/billing/…`): their own invoices only (others answer 404).
 * Paths are absolute so HttpClient adds `X-XSRF-TOKEN` on the POSTs (the app provides
 * `withXsrfConfiguration({})`). No card data ever passes here: the browser gives it to the provider's
 * hosted page, and this API only sees the token the provider returns.
 */
@Injectable({ providedIn: 'root' })
export class BillingApi {
  private readonly http = inject(HttpClient);

  /** « Mes factures », newest first. */
  invoices(): Promise<readonly InvoiceSummary[]> {
    return firstValueFrom(this.http.get<readonly InvoiceSummary[]>('/api/billing/invoices'));
  }

  invoice(invoiceId: string): Promise<InvoiceDetail> {
    return firstValueFrom(this.http.get<InvoiceDetail>(invoicePath(invoiceId)));
  }

  /** The URL of the PDF (`attachment`), for a plain download link: the session cookie goes with it. */
  pdfUrl(invoiceId: string): string {
    return `${invoicePath(invoiceId)}/pdf`;
  }

  /** Where to send the browser to type the card on the provider's own page. */
  startCardCheckout(invoiceId: string, lang: BillingLanguage): Promise<CardCheckout> {
    return firstValueFrom(this.http.post<CardCheckout>(`${invoicePath(invoiceId)}/card-checkout`, { lang }));
  }

  /** Charges the provider's card token; the same key always answers the same payment (no second charge). */
  payByCard(invoiceId: string, token: string, idempotencyKey: string): Promise<PaymentView> {
    return firstValueFrom(this.http.post<PaymentView>(`${invoicePath(invoiceId)}/card-payments`, { token, idempotencyKey }));
  }

  startPaypal(invoiceId: string, idempotencyKey: string, lang: BillingLanguage): Promise<PaypalCheckout> {
    return firstValueFrom(this.http.post<PaypalCheckout>(`${invoicePath(invoiceId)}/paypal-payments`, { idempotencyKey, lang }));
  }

  /** After the payer approved on PayPal's page. */
  capturePaypal(paymentId: string): Promise<PaymentView> {
    return firstValueFrom(this.http.post<PaymentView>(`${paymentPath(paymentId)}/paypal-capture`, {}));
  }

  /** The payer left the provider's page with « Annuler ». */
  cancelPayment(paymentId: string): Promise<PaymentView> {
    return firstValueFrom(this.http.post<PaymentView>(`${paymentPath(paymentId)}/cancel`, {}));
  }

  payment(paymentId: string): Promise<PaymentView> {
    return firstValueFrom(this.http.get<PaymentView>(paymentPath(paymentId)));
  }
}
