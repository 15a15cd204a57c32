import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CardCheckoutRequest {
  @ApiProperty({ enum: ['fr', 'en'], description: 'Language of the hosted card page.' })
  @IsIn(['fr', 'en'])
  lang!: 'fr' | 'en';
}

/** What the hosted card page handed back: a single-use token, never a card number. */
export class CardPaymentRequest {
  @ApiProperty({ description: 'Token from the hosted card page (`tok_…`).', maxLength: 100 })
  @IsString()
  @Matches(/^tok_[A-Za-z0-9_-]{6,96}$/)
  token!: string;

  @ApiProperty({ description: 'Chosen by the browser once per attempt; a retry with the same key charges once.', maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/)
  idempotencyKey!: string;
}

export class PaypalPaymentRequest {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/)
  idempotencyKey!: string;

  @ApiProperty({ enum: ['fr', 'en'] })
  @IsIn(['fr', 'en'])
  lang!: 'fr' | 'en';
}

export class UuidParam {
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  id!: string;
}
