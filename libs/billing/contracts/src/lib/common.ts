import type { Lang } from '@guichet/shared/kernel';

/** The services that ask Billing to bill. `manual`: an invoice the finance desk issued itself. */
export const BILLING_SERVICES = ['card-requests', 'registrations', 'seats', 'manual'] as const;
export type BillingService = (typeof BILLING_SERVICES)[number];

/**
 * What the requesting context calls the thing billed (its order or request id). Billing keeps it on the
 * invoice and gives it back in every event, so the requester never needs Billing's ids.
 */
export interface BillingReference {
  readonly service: BillingService;
  readonly id: string;
}

/** « Mode de paiement ». Card and PayPal are paid online; cheque and deposit are recorded by staff. */
export const PAYMENT_METHODS = ['card', 'paypal', 'cheque', 'deposit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const ONLINE_PAYMENT_METHODS = ['card', 'paypal'] as const;
export const MANUAL_PAYMENT_METHODS = ['cheque', 'deposit'] as const;
export type ManualPaymentMethod = (typeof MANUAL_PAYMENT_METHODS)[number];

/** Manual 000: « Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $ ». */
export const CARD_PAYMENT_MINIMUM_CENTS = 500;

export interface PostalAddress {
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  /** Two-letter province code; `QC` when not given. */
  readonly province?: string | null;
  /** Canadian postal code, any spacing or case (normalized to `H2X 1Y4`). */
  readonly postalCode: string;
}

/** « Facturé à »: an individual (« individu ») or an organization (« organisme »). */
export interface BillTo {
  readonly kind: 'individual' | 'organization';
  /** The person's full name, or the organization's name. */
  readonly name: string;
  /** For an organization: « À l'attention de ». */
  readonly attention?: string | null;
  readonly address: PostalAddress;
}

/** Who receives the invoice and may see and pay it in the portal. */
export interface Payer {
  /** The portal account that owns the invoice (« Mes factures »); null for a payer without an account. */
  readonly accountId: string | null;
  /** Where the invoice, receipts and credit notes are mailed. */
  readonly email: string;
  /** The language of the PDF and the mails. */
  readonly lang: Lang;
}

/**
 * One line. Taxes come from the product's configured rates (GST/QST, zero by default), taken when the
 * invoice is issued and kept on the line.
 */
export interface InvoiceLineInput {
  /** Product code in Billing's catalogue (e.g. `card-requests.card`); an unknown code is taxed at zero. */
  readonly productCode: string;
  readonly description: { readonly fr: string; readonly en: string };
  readonly quantity: number;
  readonly unitPriceCents: number;
}

/** Who acts: a signed-in account; `finance` when the caller holds the finance role (back-office). */
export interface BillingActor {
  readonly accountId: string;
  readonly finance: boolean;
}

/** Billing acting on its own (a callback, an expiry): recorded as `system` in the history. */
export const SYSTEM_ACTOR = Object.freeze({ accountId: 'system', finance: true }) satisfies BillingActor;
