import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChangeNameRequest {
  @ApiProperty({ description: '« Prénom ».', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ description: '« Nom ».', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ description: '« Nouveau mot de passe ».', format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  newPassword!: string;

  @ApiProperty({ description: '« Confirmation ».', format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  confirmation!: string;

  @ApiProperty({ description: '« Ancien mot de passe ».', format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword!: string;
}

export class EmailChangeRequest {
  @ApiProperty({ description: 'The new « Courriel ».', maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;
}

/** « Profil »: « Abrégé », « Nom », « Prénom », « Courriel ». */
export class ProfileResponse {
  @ApiProperty() accountId!: string;
  @ApiProperty({ nullable: true, type: String, description: '« Abrégé ».' }) username!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) pendingEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty({ type: [String] }) roles!: readonly string[];
  @ApiProperty({ nullable: true, type: String }) trainerCardNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) certificationExpiresOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) learnerUserCode!: string | null;
  @ApiProperty() canEditName!: boolean;
}
