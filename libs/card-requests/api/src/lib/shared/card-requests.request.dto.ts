import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BILL_TO_KINDS,
  CARD_REQUEST_PAYMENT_METHODS,
  CARD_REQUEST_STATUSES,
  PARTICIPANT_TITLES,
  type BillToKind,
  type CardRequestPaymentMethod,
  type CardRequestStatus,
  type ParticipantTitle,
} from '@guichet/card-requests/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SecondTrainerRequest {
  @ApiProperty({ description: '« Carte ».' }) @IsString() @IsNotEmpty() @MaxLength(20) cardNumber!: string;
  @ApiProperty({ description: '« Prénom ».' }) @IsString() @IsNotEmpty() @MaxLength(100) firstName!: string;
  @ApiProperty({ description: '« Nom ».' }) @IsString() @IsNotEmpty() @MaxLength(100) lastName!: string;
}

export class DeliveryRequest {
  @ApiProperty({ description: '« Adresse ».' }) @IsString() @IsNotEmpty() @MaxLength(200) address!: string;
  @ApiProperty({ description: '« Ville ».' }) @IsString() @IsNotEmpty() @MaxLength(100) city!: string;
  @ApiProperty({ description: '« Code postal ».' }) @IsString() @IsNotEmpty() @MaxLength(10) postalCode!: string;
  @ApiProperty({ description: '« À l\'attention de ».' }) @IsString() @IsNotEmpty() @MaxLength(200) attention!: string;
  @ApiProperty({ description: '« Courriel »: the invoice and confirmations go there.' }) @IsEmail() @MaxLength(254) email!: string;
}

/** « Fiche de la session ». */
export class SessionFieldsRequest {
  @ApiProperty({ description: '« Courriel » of « Formateur / Moniteur ».' }) @IsEmail() @MaxLength(254) trainerEmail!: string;

  @ApiPropertyOptional({ type: SecondTrainerRequest, nullable: true, description: '« Deuxième formateur / moniteur ».' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SecondTrainerRequest)
  secondTrainer!: SecondTrainerRequest | null;

  @ApiProperty({ description: '« Type d\'organisme » (code).' }) @IsString() @IsNotEmpty() @MaxLength(60) organizationTypeCode!: string;

  @ApiPropertyOptional({ nullable: true, description: '« Nom de l\'organisme », typed (null for an accredited institution).' })
  @ValidateIf((o: SessionFieldsRequest) => o.organizationName !== null && o.organizationName !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organizationName!: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The accredited institution chosen from the list.' })
  @ValidateIf((o: SessionFieldsRequest) => o.accreditedInstitutionId !== null && o.accreditedInstitutionId !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  accreditedInstitutionId!: string | null;

  @ApiProperty({ description: '« Lieu de formation ».' }) @IsString() @IsNotEmpty() @MaxLength(200) trainingLocation!: string;
  @ApiProperty({ description: '« Activité de formation » (code).' }) @IsString() @IsNotEmpty() @MaxLength(60) activityCode!: string;
  @ApiProperty({ description: '« Fin de la session », not after today.', example: '2026-11-20' }) @Matches(DATE) sessionEndDate!: string;

  @ApiProperty({ type: DeliveryRequest, description: '« Adresse de livraison des cartes ».' })
  @ValidateNested()
  @Type(() => DeliveryRequest)
  delivery!: DeliveryRequest;
}

/** « Fiche du participant »: all required but « Poste ». */
export class ParticipantRequest {
  @ApiProperty({ enum: PARTICIPANT_TITLES, description: '« Titre ».' }) @IsIn(PARTICIPANT_TITLES) title!: ParticipantTitle;
  @ApiProperty({ description: '« Prénom ».' }) @IsString() @IsNotEmpty() @MaxLength(100) firstName!: string;
  @ApiProperty({ description: '« Nom ».' }) @IsString() @IsNotEmpty() @MaxLength(100) lastName!: string;
  @ApiProperty({ description: '« Date de naissance ».', example: '1990-04-12' }) @Matches(DATE) birthDate!: string;
  @ApiProperty({ description: '« Téléphone ».' }) @IsString() @IsNotEmpty() @MaxLength(30) phone!: string;

  @ApiPropertyOptional({ nullable: true, description: '« Poste ».' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  extension!: string | null;
}

export class SubmissionRequest {
  @ApiProperty({ enum: CARD_REQUEST_PAYMENT_METHODS, description: '« Mode de paiement ».' }) @IsIn(CARD_REQUEST_PAYMENT_METHODS) method!: CardRequestPaymentMethod;
  @ApiProperty({ enum: BILL_TO_KINDS, description: '« Facturé à ».' }) @IsIn(BILL_TO_KINDS) billTo!: BillToKind;
}

export class WorkQueueRequest {
  @IsOptional() @IsIn(CARD_REQUEST_STATUSES) status?: CardRequestStatus;
  @IsOptional() @Matches(DATE) from?: string;
  @IsOptional() @Matches(DATE) to?: string;
  @IsOptional() @IsString() @MaxLength(200) trainer?: string;
  @IsOptional() @IsString() @MaxLength(200) organization?: string;
  @IsOptional() @IsString() @MaxLength(60) activity?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class ShipmentRequest {
  @ApiPropertyOptional({ nullable: true, description: '« Numéro de suivi ».' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  trackingNumber!: string | null;
}

export class CancellationRequest {
  @ApiProperty({ description: 'Why the request is canceled (kept in the history, mailed to the trainer).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ParticipantImportRequest {
  @ApiProperty({ description: 'The CSV file\'s text (UTF-8): Titre;Prénom;Nom;Date de naissance;Téléphone;Poste.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(90_000)
  csv!: string;
}

export class ParticipantSearchRequest {
  @IsOptional() @IsString() @MaxLength(100) lastName?: string;
  @IsOptional() @IsString() @MaxLength(100) firstName?: string;
  @IsOptional() @Matches(DATE) birthDate?: string;
}

export class LocalizedTextRequest {
  @IsString() @IsNotEmpty() @MaxLength(200) fr!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) en!: string;
}

export class OrganizationTypeEntryRequest {
  @IsString() @IsNotEmpty() @MaxLength(60) @Matches(/^[a-z0-9-]+$/) code!: string;
  @ValidateNested() @Type(() => LocalizedTextRequest) label!: LocalizedTextRequest;
  @IsBoolean() active!: boolean;
}

export class InstitutionEntryRequest {
  @IsOptional() @IsString() @MaxLength(60) id!: string | null;
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsBoolean() active!: boolean;
}

export class ActivityEntryRequest {
  @IsString() @IsNotEmpty() @MaxLength(60) @Matches(/^[a-z0-9-]+$/) code!: string;
  @ValidateNested() @Type(() => LocalizedTextRequest) label!: LocalizedTextRequest;
  @IsOptional() @IsInt() @Min(1) @Max(240) validityMonths!: number | null;
  @IsBoolean() active!: boolean;
}

export class ReferenceDataRequest {
  @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => OrganizationTypeEntryRequest) organizationTypes!: OrganizationTypeEntryRequest[];
  @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => InstitutionEntryRequest) accreditedInstitutions!: InstitutionEntryRequest[];
  @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ActivityEntryRequest) activities!: ActivityEntryRequest[];
  @IsInt() @Min(0) @Max(100_000) cardPriceCents!: number;
}
