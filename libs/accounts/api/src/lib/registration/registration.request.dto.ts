import { ApiProperty } from '@nestjs/swagger';
import { SELF_SERVICE_ROLES, type SelfServiceRole } from '@guichet/accounts/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RegistrationRequest {
  @ApiProperty({ description: '« Courriel ».', maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ description: '« Mot de passe » (at least 10 characters, not a common password).', format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ description: '« Confirmer le mot de passe ».', format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  passwordConfirmation!: string;

  @ApiProperty({ description: 'The ALTCHA widget’s solution (base64 JSON), from GET /api/auth/altcha-challenge.', maxLength: 4096 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  altcha!: string;

  @ApiProperty({ enum: SELF_SERVICE_ROLES, required: false, default: 'guardian' })
  @IsOptional()
  @IsIn(SELF_SERVICE_ROLES)
  role?: SelfServiceRole;
}

/** The token of a link sent by mail. */
export class LinkTokenRequest {
  @ApiProperty({ description: 'The token from the link.', maxLength: 512 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  token!: string;
}
