import { defineIntegrationEvent } from '@guichet/shared/kernel';
import type { BillingReference, PaymentMethod } from '../common';

/*
 * What Billing tells the contexts that asked it to bill. Each carries the requester's `reference`.
 * Ids and amounts only: never a card detail, an address or a name.
 */

export type InvoiceIssuedV1 = {
  invoiceId: string;
  number: string;
  kind: 'invoice' | 'credit-note';
  reference: BillingReference;
  totalCents: number;
  method: PaymentMethod | null;
  /** For a credit note: the invoice it refers to. */
  originalInvoiceId: string | null;
};
export const InvoiceIssuedV1 = defineIntegrationEvent<InvoiceIssuedV1>('billing.invoice-issued.v1');

export type InvoicePaidV1 = {
  invoiceId: string;
  number: string;
  reference: BillingReference;
  totalCents: number;
  paidAt: string;
};
export const InvoicePaidV1 = defineIntegrationEvent<InvoicePaidV1>('billing.invoice-paid.v1');

export type PaymentFailedV1 = {
  invoiceId: string;
  paymentId: string;
  reference: BillingReference;
  method: PaymentMethod;
  /** `card_declined`, `network_error`, `canceled`, `authentication_failed`, … */
  failureCode: string;
};
export const PaymentFailedV1 = defineIntegrationEvent<PaymentFailedV1>('billing.payment-failed.v1');

export type RefundIssuedV1 = {
  invoiceId: string;
  paymentId: string;
  refundId: string;
  creditNoteId: string;
  creditNoteNumber: string;
  reference: BillingReference;
  amountCents: number;
  method: PaymentMethod;
};
export const RefundIssuedV1 = defineIntegrationEvent<RefundIssuedV1>('billing.refund-issued.v1');
