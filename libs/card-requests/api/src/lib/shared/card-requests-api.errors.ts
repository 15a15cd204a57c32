import { Injectable, type PipeTransform } from '@nestjs/common';
import { CardRequestNotFound } from '@guichet/card-requests/domain';
import { isUuid } from '@guichet/shared/kernel';

/** A path id that is not a UUID names nothing: 404, like another trainer's request (same code and message). */
export class UnknownCardRequestId extends CardRequestNotFound {}

/** Path `:id` and `:pid`. */
@Injectable()
export class CardRequestIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new UnknownCardRequestId();
    return value.toLowerCase();
  }
}
