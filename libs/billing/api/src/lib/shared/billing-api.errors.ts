import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, isUuid } from '@guichet/shared/kernel';

/**
 * A callback whose signature does not match its body, or whose timestamp is more than 5 minutes old:
 * 400, and nothing changes. The reason stays in our logs; the caller only learns it was refused.
 */
export class CallbackSignatureRefused extends BadRequestException {
  constructor() {
    super({ code: 'BILLING.CALLBACK_SIGNATURE', message: 'Signature de rappel invalide ou expirée. / Invalid or stale callback signature.' });
  }
}

/** A path id that is not a UUID names nothing: 404, like an id of someone else's invoice. */
export class UnknownBillingId extends DomainError {
  readonly code = 'BILLING.NOT_FOUND';
  readonly kind = 'not-found';

  constructor() {
    super({ fr: 'Cette facture ou ce paiement est introuvable.', en: 'This invoice or payment cannot be found.' });
  }
}

/** Path `:id` of an invoice or payment. */
@Injectable()
export class BillingIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new UnknownBillingId();
    return value.toLowerCase();
  }
}
