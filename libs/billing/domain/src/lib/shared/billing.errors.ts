import { DomainError, type ErrorDetails } from '@guichet/shared/kernel';

export class InvoiceNotFound extends DomainError {
  static readonly code = 'BILLING.INVOICE_NOT_FOUND';
  readonly code = InvoiceNotFound.code;
  readonly kind = 'not-found';

  constructor(details?: ErrorDetails) {
    super({ fr: 'Cette facture est introuvable.', en: 'This invoice cannot be found.' }, details);
  }
}

export class PaymentNotFound extends DomainError {
  static readonly code = 'BILLING.PAYMENT_NOT_FOUND';
  readonly code = PaymentNotFound.code;
  readonly kind = 'not-found';

  constructor(details?: ErrorDetails) {
    super({ fr: 'Ce paiement est introuvable.', en: 'This payment cannot be found.' }, details);
  }
}

export type InvalidInvoiceReason = 'no-line' | 'quantity' | 'price' | 'description' | 'bill-to' | 'payer';

/** An invoice that cannot be issued as asked: no line, a quantity below 1, a negative price… */
export class InvalidInvoice extends DomainError {
  static readonly code = 'BILLING.INVALID_INVOICE';
  readonly code = InvalidInvoice.code;
  readonly kind = 'invalid';

  constructor(readonly reason: InvalidInvoiceReason) {
    super(
      {
        fr: 'La facture est incomplète ou invalide : au moins une ligne, une quantité d’au moins 1 et un prix positif sont requis.',
        en: 'The invoice is incomplete or invalid: at least one line, a quantity of at least 1 and a positive price are required.',
      },
      { reason },
    );
  }
}

/** Manual 000: card payments need a balance of at least 5 $. */
export class CardMinimum extends DomainError {
  static readonly code = 'BILLING.CARD_MINIMUM';
  readonly code = CardMinimum.code;
  readonly kind = 'invalid';

  constructor(minimumCents: number) {
    super(
      {
        fr: 'Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $.',
        en: 'Credit card payments are accepted for a balance of at least $5.',
      },
      { minimumCents },
    );
  }
}

export class NothingDue extends DomainError {
  static readonly code = 'BILLING.NOTHING_DUE';
  readonly code = NothingDue.code;
  readonly kind = 'conflict';

  constructor() {
    super({ fr: 'Cette facture n’a aucun solde à payer.', en: 'Nothing is due on this invoice.' });
  }
}

/** The invoice was canceled or its payment deadline passed: it can no longer be paid. */
export class InvoiceNotPayable extends DomainError {
  static readonly code = 'BILLING.INVOICE_NOT_PAYABLE';
  readonly code = InvoiceNotPayable.code;
  readonly kind = 'conflict';

  constructor(reason: 'canceled' | 'expired' | 'credit-note') {
    super(
      {
        fr: 'Cette facture ne peut plus être payée (annulée ou délai de paiement dépassé).',
        en: 'This invoice can no longer be paid (canceled or past its payment deadline).',
      },
      { reason },
    );
  }
}

export class Overpayment extends DomainError {
  static readonly code = 'BILLING.OVERPAYMENT';
  readonly code = Overpayment.code;
  readonly kind = 'invalid';

  constructor(balanceCents: number) {
    super(
      {
        fr: 'Le montant dépasse le solde de la facture.',
        en: 'The amount exceeds the invoice balance.',
      },
      { balanceCents },
    );
  }
}

export class DuplicatePayment extends DomainError {
  static readonly code = 'BILLING.DUPLICATE_PAYMENT';
  readonly code = DuplicatePayment.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Ce paiement (même numéro de chèque ou de virement) est déjà enregistré sur cette facture.',
      en: 'This payment (same cheque or transfer number) is already recorded on this invoice.',
    });
  }
}

export class PaymentInProgress extends DomainError {
  static readonly code = 'BILLING.PAYMENT_IN_PROGRESS';
  readonly code = PaymentInProgress.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Un paiement est déjà en cours pour cette facture. Attendez sa confirmation ou annulez-le.',
      en: 'A payment is already in progress for this invoice. Wait for its confirmation or cancel it.',
    });
  }
}

/** The same idempotency key was used for another invoice or another kind of request. */
export class IdempotencyKeyReused extends DomainError {
  static readonly code = 'BILLING.IDEMPOTENCY_KEY_REUSED';
  readonly code = IdempotencyKeyReused.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Cette demande a déjà été utilisée pour une autre opération.',
      en: 'This request was already used for another operation.',
    });
  }
}

export class RefundExceedsPayment extends DomainError {
  static readonly code = 'BILLING.REFUND_EXCEEDS_PAYMENT';
  readonly code = RefundExceedsPayment.code;
  readonly kind = 'invalid';

  constructor(refundableCents: number) {
    super(
      {
        fr: 'Le remboursement dépasse le montant remboursable du paiement.',
        en: 'The refund exceeds what can still be refunded on this payment.',
      },
      { refundableCents },
    );
  }
}

export class PaymentNotRefundable extends DomainError {
  static readonly code = 'BILLING.PAYMENT_NOT_REFUNDABLE';
  readonly code = PaymentNotRefundable.code;
  readonly kind = 'conflict';

  constructor(state: string) {
    super(
      {
        fr: 'Seul un paiement confirmé peut être remboursé.',
        en: 'Only a confirmed payment can be refunded.',
      },
      { state },
    );
  }
}

export class InvoiceHasPayments extends DomainError {
  static readonly code = 'BILLING.INVOICE_HAS_PAYMENTS';
  readonly code = InvoiceHasPayments.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Cette facture a des paiements confirmés : remboursez-les avant de l’annuler.',
      en: 'This invoice has confirmed payments: refund them before canceling it.',
    });
  }
}

export class InvalidPaymentState extends DomainError {
  static readonly code = 'BILLING.INVALID_PAYMENT_STATE';
  readonly code = InvalidPaymentState.code;
  readonly kind = 'conflict';

  constructor(state: string, action: string) {
    super(
      {
        fr: 'Cette opération n’est pas possible dans l’état actuel du paiement.',
        en: 'This operation is not possible in the payment’s current state.',
      },
      { state, action },
    );
  }
}

export type InvalidPaymentReason = 'amount' | 'received-on' | 'reference' | 'reason' | 'idempotency-key' | 'token';

export class InvalidPayment extends DomainError {
  static readonly code = 'BILLING.INVALID_PAYMENT';
  readonly code = InvalidPayment.code;
  readonly kind = 'invalid';

  constructor(readonly reason: InvalidPaymentReason) {
    const messages: Record<InvalidPaymentReason, { fr: string; en: string }> = {
      amount: { fr: 'Le montant doit être supérieur à zéro.', en: 'The amount must be greater than zero.' },
      'received-on': {
        fr: 'La date de réception doit être une date valide qui n’est pas dans le futur.',
        en: 'The date received must be a valid date that is not in the future.',
      },
      reference: {
        fr: 'Indiquez le numéro du chèque ou du virement.',
        en: 'Enter the cheque or transfer number.',
      },
      reason: { fr: 'Indiquez la raison du remboursement.', en: 'Enter the reason for the refund.' },
      'idempotency-key': { fr: 'La demande est incomplète (clé manquante).', en: 'The request is incomplete (missing key).' },
      token: { fr: 'Les informations de carte sont manquantes.', en: 'The card information is missing.' },
    };
    super(messages[reason], { field: reason });
  }
}

export class InvalidProductTaxes extends DomainError {
  static readonly code = 'BILLING.INVALID_TAX_RATE';
  readonly code = InvalidProductTaxes.code;
  readonly kind = 'invalid';

  constructor() {
    super({
      fr: 'Les taux de TPS et de TVQ doivent être entre 0 % et 100 %.',
      en: 'GST and QST rates must be between 0% and 100%.',
    });
  }
}

/** The payment provider could not be reached; nothing was charged by this request. */
export class PaymentProviderUnavailable extends DomainError {
  static readonly code = 'BILLING.PROVIDER_UNAVAILABLE';
  readonly code = PaymentProviderUnavailable.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Le service de paiement est momentanément indisponible. Réessayez dans quelques minutes.',
      en: 'The payment service is temporarily unavailable. Try again in a few minutes.',
    });
  }
}

export class PaypalNotApproved extends DomainError {
  static readonly code = 'BILLING.PAYPAL_NOT_APPROVED';
  readonly code = PaypalNotApproved.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Le paiement PayPal n’a pas encore été approuvé.',
      en: 'The PayPal payment has not been approved yet.',
    });
  }
}

/** Internal: a concurrent request saved first with this key (the handler reads the winner back). */
export class IdempotencyKeyTaken extends DomainError {
  static readonly code = 'BILLING.IDEMPOTENCY_KEY_TAKEN';
  readonly code = IdempotencyKeyTaken.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Cette demande est déjà en cours de traitement.',
      en: 'This request is already being processed.',
    });
  }
}

/** Internal: a concurrent request issued the invoice of this reference first (the handler reads it back). */
export class InvoiceAlreadyIssued extends DomainError {
  static readonly code = 'BILLING.INVOICE_ALREADY_ISSUED';
  readonly code = InvoiceAlreadyIssued.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Une facture a déjà été émise pour cette demande.',
      en: 'An invoice was already issued for this request.',
    });
  }
}
