import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BILLING_SERVICES, MANUAL_PAYMENT_METHODS, PAYMENT_METHODS, type ManualPaymentMethod, type PaymentMethod } from '@guichet/billing/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Ten million dollars: far above any invoice of these services, low enough to stay exact. */
const MAX_CENTS = 1_000_000_000;

export class InvoiceSearchRequest {
  @IsOptional() @IsIn(['issued', 'paid', 'canceled']) status?: 'issued' | 'paid' | 'canceled';
  @IsOptional() @IsIn(['invoice', 'credit-note']) kind?: 'invoice' | 'credit-note';
  @IsOptional() @IsIn(PAYMENT_METHODS) method?: PaymentMethod;
  @IsOptional() @IsIn(BILLING_SERVICES) service?: string;
  @IsOptional() @Matches(DATE) from?: string;
  @IsOptional() @Matches(DATE) to?: string;
  @IsOptional() @IsString() @MaxLength(200) payer?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class DateRangeRequest {
  @ApiProperty({ example: '2026-11-01' }) @Matches(DATE) from!: string;
  @ApiProperty({ example: '2026-11-30' }) @Matches(DATE) to!: string;
}

export class ReconciliationRequest {
  @ApiProperty({ example: '2026-11-22' }) @Matches(DATE) date!: string;
}

export class RecordPaymentRequest {
  @ApiProperty({ enum: MANUAL_PAYMENT_METHODS, description: '« Mode »: chèque or dépôt direct.' })
  @IsIn(MANUAL_PAYMENT_METHODS)
  method!: ManualPaymentMethod;

  @ApiProperty({ description: '« Montant », in cents.', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiProperty({ description: '« Date de réception ».', example: '2026-11-22' })
  @Matches(DATE)
  receivedOn!: string;

  @ApiProperty({ description: '« Numéro du chèque ou du virement ».', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  reference!: string;
}

export class RefundRequest {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_CENTS) amountCents!: number;
  @ApiProperty({ maxLength: 500 }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  @ApiProperty({ maxLength: 100 }) @IsString() @Matches(/^[A-Za-z0-9_-]{8,100}$/) idempotencyKey!: string;
}

export class AddressRequest {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) line1!: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) line2?: string;
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) city!: string;
  @ApiPropertyOptional({ example: 'QC' }) @IsOptional() @Matches(/^[A-Za-z]{2}$/) province?: string;
  @ApiProperty({ example: 'H2X 1Y4' }) @IsString() @IsNotEmpty() @MaxLength(10) postalCode!: string;
}

export class BillToRequest {
  @ApiProperty({ enum: ['individual', 'organization'], description: '« Facturé à »: individu or organisme.' })
  @IsIn(['individual', 'organization'])
  kind!: 'individual' | 'organization';

  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ maxLength: 200, description: '« À l\'attention de ».' }) @IsOptional() @IsString() @MaxLength(200) attention?: string;

  @ApiProperty({ type: AddressRequest })
  @ValidateNested()
  @Type(() => AddressRequest)
  address!: AddressRequest;
}

export class LineRequest {
  @ApiProperty({ maxLength: 300 }) @IsString() @IsNotEmpty() @MaxLength(300) description!: string;
  @ApiProperty({ minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10_000) quantity!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_CENTS) unitPriceCents!: number;
}

export class ManualInvoiceRequest {
  @ApiProperty({ description: 'Payer\'s e-mail; their portal account is linked when one exists.', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  payerEmail!: string;

  @ApiProperty({ enum: ['fr', 'en'] }) @IsIn(['fr', 'en']) lang!: 'fr' | 'en';

  @ApiProperty({ type: BillToRequest })
  @ValidateNested()
  @Type(() => BillToRequest)
  billTo!: BillToRequest;

  @ApiProperty({ type: [LineRequest] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LineRequest)
  lines!: LineRequest[];

  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS) method!: PaymentMethod;

  @ApiPropertyOptional({ description: 'Chosen once per form: sending the form twice issues one invoice.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/)
  idempotencyKey?: string;
}
