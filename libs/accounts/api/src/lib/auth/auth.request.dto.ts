import { ApiProperty } from '@nestjs/swagger';
import type { SignInChannel } from '@guichet/accounts/contracts';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class SignInRequest {
  @ApiProperty({ description: '« Nom d’utilisateur » or « Courriel ».', example: 'ethc003', maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  login!: string;

  @ApiProperty({ description: '« Mot de passe ».', format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ description: '« Restez connecté pour 14 jours » (portal only).', required: false, default: false })
  @IsOptional()
  @IsBoolean()
  remember?: boolean;

  @ApiProperty({ enum: ['portal', 'back-office'], description: 'The back-office accepts staff only.' })
  @IsIn(['portal', 'back-office'])
  channel!: SignInChannel;
}

/** What the apps know of the signed-in person. */
export class MeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String, description: '« Abrégé ».' }) username!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Prénom Nom, as shown top right.' }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ enum: ['portal', 'back-office'] }) channel!: string;
}

export class AltchaChallengeResponse {
  @ApiProperty({ enum: ['SHA-1', 'SHA-256', 'SHA-512'] }) algorithm!: string;
  @ApiProperty() challenge!: string;
  @ApiProperty({ required: false }) maxnumber?: number;
  @ApiProperty() salt!: string;
  @ApiProperty() signature!: string;
}
