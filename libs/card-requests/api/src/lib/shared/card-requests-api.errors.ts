import { Injectable, type PipeTransform } from '@nestjs/common';
import { CardRequestNotFound } from '@guichet/card-requests/domain';

/** A path id that is not a UUID names nothing: 404, like another trainer's request (same code and message). */
export class UnknownCardRequestId extends CardRequestNotFound {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path `:id` and `:pid`. */
@Injectable()
export class CardRequestIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new UnknownCardRequestId();
    return value.toLowerCase();
  }
}
