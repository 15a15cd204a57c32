import type { InvoiceDetail } from '@guichet/billing/contracts';
import type { MailAttachmentRef, MailMessage } from '@guichet/shared/application';
import { Money, type Lang } from '@guichet/shared/kernel';
import type { InvoiceIssuer } from '../ports/invoice-pdf-renderer';
import { formatBillingDate } from './billing-formats';

/** The attachment kind of an invoice's or credit note's PDF; `ref` is the invoice id. */
export const INVOICE_PDF_ATTACHMENT_KIND = 'billing.invoice-pdf';

/** Billing's mail templates (declared in `@guichet/billing/infrastructure`) and their parameters. */
export const BILLING_MAIL_TEMPLATE_NAMES = {
  invoiceIssued: 'billing.invoice-issued',
  invoicePaid: 'billing.invoice-paid',
  creditNoteIssued: 'billing.credit-note-issued',
  paymentFailed: 'billing.payment-failed',
} as const;

export type InvoiceIssuedMailParams = 'number' | 'total' | 'instructions' | 'invoiceUrl';
export type InvoicePaidMailParams = 'number' | 'total' | 'paidOn' | 'invoiceUrl';
export type CreditNoteIssuedMailParams = 'number' | 'originalNumber' | 'total' | 'invoiceUrl';
export type PaymentFailedMailParams = 'number' | 'balance' | 'reason' | 'retryUrl';

/** The portal page of an invoice (« Mes factures »), where it is viewed, downloaded and paid. */
export function invoicePortalUrl(publicUrl: string, invoiceId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/factures/${encodeURIComponent(invoiceId)}`;
}

/** Mail amounts: the kernel's format with ordinary spaces (plain-text friendly). */
function money(cents: number, lang: Lang): string {
  return Money.ofCents(cents).formatPlain(lang);
}

function pdfOf(invoice: InvoiceDetail): MailAttachmentRef[] {
  return [{ kind: INVOICE_PDF_ATTACHMENT_KIND, ref: invoice.id }];
}

function base(invoice: InvoiceDetail) {
  return { to: invoice.payerEmail, lang: invoice.lang, attachments: pdfOf(invoice) };
}

/**
 * What to do to pay, in the payer's language: for cheque and deposit the instructions of manual 001
 * (payee, « indiquez votre numéro de facture sur le chèque », deposit details); for card and PayPal,
 * the portal link; nothing to do when the invoice is already paid or canceled.
 */
export function paymentInstructions(invoice: InvoiceDetail, issuer: InvoiceIssuer): string {
  const fr = invoice.lang === 'fr';
  if (invoice.status === 'paid') return fr ? 'Cette facture est déjà payée : merci.' : 'This invoice is already paid: thank you.';
  if (invoice.status === 'canceled') return fr ? 'Cette facture a été annulée : vous n’avez rien à payer.' : 'This invoice was canceled: you have nothing to pay.';
  const balance = money(invoice.balanceCents, invoice.lang);
  const mailTo = [issuer.name, ...issuer.address].join(', ');
  switch (invoice.method) {
    case 'cheque':
      return fr
        ? `Pour payer par chèque (${balance}), faites-le à l’ordre de ${issuer.chequePayableTo} et indiquez votre numéro de facture (${invoice.number}) sur le chèque. Postez-le à : ${mailTo}.`
        : `To pay by cheque (${balance}), make it payable to ${issuer.chequePayableTo} and write your invoice number (${invoice.number}) on the cheque. Mail it to: ${mailTo}.`;
    case 'deposit':
      return fr
        ? `Pour payer par dépôt direct (${balance}) : ${issuer.depositInstructions}. Indiquez votre numéro de facture (${invoice.number}) comme référence du virement.`
        : `To pay by direct deposit (${balance}): ${issuer.depositInstructions}. Give your invoice number (${invoice.number}) as the transfer reference.`;
    case 'paypal':
      return fr ? `Vous pouvez payer le solde (${balance}) en ligne avec PayPal à partir du lien ci-dessous.` : `You can pay the balance (${balance}) online with PayPal from the link below.`;
    default:
      return fr
        ? `Vous pouvez payer le solde (${balance}) en ligne par carte de crédit à partir du lien ci-dessous. Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $.`
        : `You can pay the balance (${balance}) online by credit card from the link below. Credit card payments are accepted for a balance of at least $5.`;
  }
}

/** `billing.invoice-issued` (an invoice) or `billing.credit-note-issued` (a credit note). */
export function invoiceIssuedMail(invoice: InvoiceDetail, issuer: InvoiceIssuer, publicUrl: string): MailMessage {
  const invoiceUrl = invoicePortalUrl(publicUrl, invoice.id);
  if (invoice.kind === 'credit-note') {
    const params: Record<CreditNoteIssuedMailParams, string> = {
      number: invoice.number,
      originalNumber: invoice.originalInvoiceNumber ?? '—',
      total: money(Math.abs(invoice.totalCents), invoice.lang),
      invoiceUrl,
    };
    return { ...base(invoice), template: BILLING_MAIL_TEMPLATE_NAMES.creditNoteIssued, params, idempotencyKey: `billing.credit-note-issued:${invoice.id}` };
  }
  const params: Record<InvoiceIssuedMailParams, string> = {
    number: invoice.number,
    total: money(invoice.totalCents, invoice.lang),
    instructions: paymentInstructions(invoice, issuer),
    invoiceUrl,
  };
  return { ...base(invoice), template: BILLING_MAIL_TEMPLATE_NAMES.invoiceIssued, params, idempotencyKey: `billing.invoice-issued:${invoice.id}` };
}

/** `billing.invoice-paid`: the receipt. */
export function invoicePaidMail(invoice: InvoiceDetail, paidAt: string, publicUrl: string): MailMessage {
  const params: Record<InvoicePaidMailParams, string> = {
    number: invoice.number,
    total: money(invoice.totalCents, invoice.lang),
    paidOn: formatBillingDate(paidAt, invoice.lang),
    invoiceUrl: invoicePortalUrl(publicUrl, invoice.id),
  };
  return { ...base(invoice), template: BILLING_MAIL_TEMPLATE_NAMES.invoicePaid, params, idempotencyKey: `billing.invoice-paid:${invoice.id}` };
}

const FAILURE_REASONS: Record<string, Record<Lang, string>> = {
  card_declined: { fr: 'la carte a été refusée', en: 'the card was declined' },
  authentication_failed: { fr: 'la vérification auprès de votre banque n’a pas réussi', en: 'your bank’s verification did not succeed' },
  network_error: { fr: 'le service de paiement était injoignable', en: 'the payment service could not be reached' },
  expired: { fr: 'le délai de paiement est échu', en: 'the payment timed out' },
};

/** `billing.payment-failed`: why, what is still owed, and the link to try again. */
export function paymentFailedMail(invoice: InvoiceDetail, paymentId: string, failureCode: string, publicUrl: string): MailMessage {
  const reason = FAILURE_REASONS[failureCode]?.[invoice.lang] ?? (invoice.lang === 'fr' ? 'le paiement a été refusé' : 'the payment was refused');
  const params: Record<PaymentFailedMailParams, string> = {
    number: invoice.number,
    balance: money(invoice.balanceCents, invoice.lang),
    reason,
    retryUrl: invoicePortalUrl(publicUrl, invoice.id),
  };
  return { ...base(invoice), template: BILLING_MAIL_TEMPLATE_NAMES.paymentFailed, params, idempotencyKey: `billing.payment-failed:${paymentId}` };
}
