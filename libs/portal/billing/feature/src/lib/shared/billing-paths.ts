/** The payer's billing pages; the API's return URLs (card, second step, PayPal) point at them: keep in step. */
export const BILLING_PATHS = {
  invoices: '/factures',
  invoice: (invoiceId: string) => `/factures/${encodeURIComponent(invoiceId)}`,
  payment: (invoiceId: string, paymentId: string) =>
    `/factures/${encodeURIComponent(invoiceId)}/paiements/${encodeURIComponent(paymentId)}`,
} as const;
