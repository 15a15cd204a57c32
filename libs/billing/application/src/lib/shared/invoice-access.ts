import type { BillingActor } from '@guichet/billing/contracts';
import { InvoiceNotFound, InvoiceRepository, PaymentNotFound, PaymentRepository, type Invoice, type Payment } from '@guichet/billing/domain';
import { isUuid } from '@guichet/shared/kernel';

/** The payer sees their own invoices, finance staff every one; anyone else gets `INVOICE_NOT_FOUND` (no hint it exists). */
export async function invoiceFor(invoices: InvoiceRepository, actor: BillingActor, invoiceId: string): Promise<Invoice> {
  const invoice = isUuid(invoiceId) ? await invoices.findById(invoiceId.toLowerCase()) : null;
  if (invoice === null || !invoice.isVisibleTo(actor)) throw new InvoiceNotFound();
  return invoice;
}

/** Same rule through the payment's invoice; `PAYMENT_NOT_FOUND` otherwise. */
export async function paymentFor(
  payments: PaymentRepository,
  invoices: InvoiceRepository,
  actor: BillingActor,
  paymentId: string,
): Promise<{ payment: Payment; invoice: Invoice }> {
  const payment = isUuid(paymentId) ? await payments.findById(paymentId.toLowerCase()) : null;
  if (payment === null) throw new PaymentNotFound();
  const invoice = await invoices.findById(payment.invoiceId);
  if (invoice === null || !invoice.isVisibleTo(actor)) throw new PaymentNotFound();
  return { payment, invoice };
}
