import { BILLING_MAIL_TEMPLATE_NAMES } from '@guichet/billing/application';
import { defineMailTemplate } from '@guichet/shared/mail';

/*
 * Billing's mails to the payer, French and English. Parameters are built by the application's mail
 * builders (`invoiceIssuedMail`, … in `@guichet/billing/application`); amounts and dates come
 * formatted; `instructions` is the payment paragraph for the invoice's method (manual 001 for cheque
 * and deposit). The PDF is attached by reference (`billing.invoice-pdf`).
 */

export const InvoiceIssuedMail = defineMailTemplate({
  name: BILLING_MAIL_TEMPLATE_NAMES.invoiceIssued,
  params: ['number', 'total', 'instructions', 'invoiceUrl'],
  fr: {
    subject: 'Votre facture {{number}}',
    text: 'Bonjour,\n\nVotre facture {{number}} au montant de {{total}} est jointe à ce courriel (PDF).\n\n{{instructions}}\n\nConsulter la facture en ligne : {{invoiceUrl}}',
    html: '<p>Bonjour,</p>\n<p>Votre facture <strong>{{number}}</strong> au montant de <strong>{{total}}</strong> est jointe à ce courriel (PDF).</p>\n<p>{{instructions}}</p>\n<p><a href="{{invoiceUrl}}">Consulter la facture en ligne</a></p>',
  },
  en: {
    subject: 'Your invoice {{number}}',
    text: 'Hello,\n\nYour invoice {{number}} for {{total}} is attached to this email (PDF).\n\n{{instructions}}\n\nView the invoice online: {{invoiceUrl}}',
    html: '<p>Hello,</p>\n<p>Your invoice <strong>{{number}}</strong> for <strong>{{total}}</strong> is attached to this email (PDF).</p>\n<p>{{instructions}}</p>\n<p><a href="{{invoiceUrl}}">View the invoice online</a></p>',
  },
});

export const InvoicePaidMail = defineMailTemplate({
  name: BILLING_MAIL_TEMPLATE_NAMES.invoicePaid,
  params: ['number', 'total', 'paidOn', 'invoiceUrl'],
  fr: {
    subject: 'Reçu : facture {{number}} payée',
    text: 'Bonjour,\n\nNous avons bien reçu votre paiement. La facture {{number}} ({{total}}) est payée depuis le {{paidOn}}. Votre reçu est joint à ce courriel (PDF).\n\nMerci!\n\nConsulter la facture : {{invoiceUrl}}',
    html: '<p>Bonjour,</p>\n<p>Nous avons bien reçu votre paiement. La facture <strong>{{number}}</strong> ({{total}}) est payée depuis le {{paidOn}}. Votre reçu est joint à ce courriel (PDF).</p>\n<p>Merci!</p>\n<p><a href="{{invoiceUrl}}">Consulter la facture</a></p>',
  },
  en: {
    subject: 'Receipt: invoice {{number}} paid',
    text: 'Hello,\n\nWe received your payment. Invoice {{number}} ({{total}}) was paid on {{paidOn}}. Your receipt is attached to this email (PDF).\n\nThank you!\n\nView the invoice: {{invoiceUrl}}',
    html: '<p>Hello,</p>\n<p>We received your payment. Invoice <strong>{{number}}</strong> ({{total}}) was paid on {{paidOn}}. Your receipt is attached to this email (PDF).</p>\n<p>Thank you!</p>\n<p><a href="{{invoiceUrl}}">View the invoice</a></p>',
  },
});

export const CreditNoteIssuedMail = defineMailTemplate({
  name: BILLING_MAIL_TEMPLATE_NAMES.creditNoteIssued,
  params: ['number', 'originalNumber', 'total', 'invoiceUrl'],
  fr: {
    subject: 'Note de crédit {{number}} (facture {{originalNumber}})',
    text: 'Bonjour,\n\nUne note de crédit {{number}} de {{total}} a été émise pour la facture {{originalNumber}}. Elle est jointe à ce courriel (PDF).\nUn paiement fait par carte de crédit ou PayPal est remboursé sur le même moyen de paiement; le délai dépend de votre institution.\n\nConsulter la note de crédit : {{invoiceUrl}}',
    html: '<p>Bonjour,</p>\n<p>Une note de crédit <strong>{{number}}</strong> de <strong>{{total}}</strong> a été émise pour la facture {{originalNumber}}. Elle est jointe à ce courriel (PDF).</p>\n<p>Un paiement fait par carte de crédit ou PayPal est remboursé sur le même moyen de paiement; le délai dépend de votre institution.</p>\n<p><a href="{{invoiceUrl}}">Consulter la note de crédit</a></p>',
  },
  en: {
    subject: 'Credit note {{number}} (invoice {{originalNumber}})',
    text: 'Hello,\n\nCredit note {{number}} for {{total}} was issued for invoice {{originalNumber}}. It is attached to this email (PDF).\nA payment made by credit card or PayPal is refunded to the same payment method; the delay depends on your institution.\n\nView the credit note: {{invoiceUrl}}',
    html: '<p>Hello,</p>\n<p>Credit note <strong>{{number}}</strong> for <strong>{{total}}</strong> was issued for invoice {{originalNumber}}. It is attached to this email (PDF).</p>\n<p>A payment made by credit card or PayPal is refunded to the same payment method; the delay depends on your institution.</p>\n<p><a href="{{invoiceUrl}}">View the credit note</a></p>',
  },
});

export const PaymentFailedMail = defineMailTemplate({
  name: BILLING_MAIL_TEMPLATE_NAMES.paymentFailed,
  params: ['number', 'balance', 'reason', 'retryUrl'],
  fr: {
    subject: 'Paiement non abouti : facture {{number}}',
    text: 'Bonjour,\n\nVotre paiement de la facture {{number}} n’a pas abouti : {{reason}}. Aucun montant n’a été prélevé.\nSolde à payer : {{balance}}. La facture est jointe à ce courriel (PDF).\n\nRéessayer le paiement : {{retryUrl}}',
    html: '<p>Bonjour,</p>\n<p>Votre paiement de la facture <strong>{{number}}</strong> n’a pas abouti : {{reason}}. Aucun montant n’a été prélevé.</p>\n<p>Solde à payer : <strong>{{balance}}</strong>. La facture est jointe à ce courriel (PDF).</p>\n<p><a href="{{retryUrl}}">Réessayer le paiement</a></p>',
  },
  en: {
    subject: 'Payment not completed: invoice {{number}}',
    text: 'Hello,\n\nYour payment of invoice {{number}} did not go through: {{reason}}. Nothing was charged.\nBalance due: {{balance}}. The invoice is attached to this email (PDF).\n\nTry the payment again: {{retryUrl}}',
    html: '<p>Hello,</p>\n<p>Your payment of invoice <strong>{{number}}</strong> did not go through: {{reason}}. Nothing was charged.</p>\n<p>Balance due: <strong>{{balance}}</strong>. The invoice is attached to this email (PDF).</p>\n<p><a href="{{retryUrl}}">Try the payment again</a></p>',
  },
});

/** Every mail of Billing: registered by `BillingDocumentsModule` (api and worker). */
export const BILLING_MAIL_TEMPLATES = [InvoiceIssuedMail, InvoicePaidMail, CreditNoteIssuedMail, PaymentFailedMail] as const;
