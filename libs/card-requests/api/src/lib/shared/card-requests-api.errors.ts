import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@guichet/shared/kernel';

/** A path id that is not a UUID names nothing: 404, like another trainer's request. */
export class UnknownCardRequestId extends DomainError {
  readonly code = 'CARD_REQUESTS.NOT_FOUND';
  readonly kind = 'not-found';

  constructor() {
    super({ fr: 'Cette demande de cartes est introuvable.', en: 'This card request cannot be found.' });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path `:id` and `:pid`. */
@Injectable()
export class CardRequestIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new UnknownCardRequestId();
    return value.toLowerCase();
  }
}
