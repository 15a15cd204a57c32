import { Controller, Get, Param, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { VerifyCard, type CardVerification } from '@guichet/card-requests/contracts';
import { Public } from '@guichet/shared/auth';
import { DomainError } from '@guichet/shared/kernel';
import type { Request } from 'express';
import { langOf } from '../shared/card-requests-request';

/** No card carries this code (or it is malformed): 404, and nothing else is said. */
export class UnknownVerificationCode extends DomainError {
  readonly code = 'CARD_REQUESTS.UNKNOWN_CODE';
  readonly kind = 'not-found';

  constructor() {
    super({ fr: 'Aucune carte ne porte ce code de vérification.', en: 'No card carries this verification code.' });
  }
}

/** Anyone holding a card's verification code: valid or not, initials, activity, dates; nothing more. */
@ApiTags('card-verification')
@Controller('card-requests/verification')
export class CardVerificationController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get(':code')
  async verify(@Param('code') code: string, @Req() req: Request): Promise<CardVerification> {
    const normalized = code.trim().toUpperCase().replace(/[\s-]/g, '');
    if (!/^[A-Z0-9]{6,20}$/.test(normalized)) throw new UnknownVerificationCode();
    const result = await this.queries.execute(new VerifyCard(normalized, langOf(req)));
    if (result === null) throw new UnknownVerificationCode();
    return result;
  }
}
