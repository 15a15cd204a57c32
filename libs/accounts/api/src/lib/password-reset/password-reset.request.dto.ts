import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class PasswordResetRequestRequest {
  @ApiProperty({ enum: ['email', 'card-number'], description: 'By « Courriel » (everyone) or trainer card number.' })
  @IsIn(['email', 'card-number'])
  by!: 'email' | 'card-number';

  @ApiProperty({ maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  value!: string;
}

export class PasswordResetRequest {
  @ApiProperty({ description: 'The token from the reset link.', maxLength: 512 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  token!: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  passwordConfirmation!: string;
}
