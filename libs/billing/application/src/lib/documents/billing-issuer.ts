import type { InvoiceIssuer } from '../ports/invoice-pdf-renderer';

/**
 * DI token: the issuer printed on every invoice and quoted in the cheque and deposit instructions
 * (`BILLING_ISSUER_*` settings). Bound in `BillingDocumentsModule` (infrastructure) from `AppConfig`.
 */
export abstract class BillingIssuer implements InvoiceIssuer {
  abstract readonly name: string;
  abstract readonly address: readonly string[];
  abstract readonly gstNumber: string | null;
  abstract readonly qstNumber: string | null;
  abstract readonly chequePayableTo: string;
  abstract readonly depositInstructions: string;
}

/** DI token: where the portal is (`PUBLIC_URL`), for the links in Billing's mails. */
export abstract class BillingLinkSettings {
  /** Without a trailing slash is best; one is removed anyway. */
  abstract readonly publicUrl: string;
}
