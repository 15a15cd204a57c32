import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RequestPasswordReset, ResetPassword } from '@guichet/accounts/contracts';
import { Public, requestClient, Throttler } from '@guichet/shared/auth';
import type { Request, Response } from 'express';
import { ipOf, langOf, throttleSubject } from '../shared/request-context';
import { rule, THROTTLE_LIMITS } from '../shared/throttle-limits';
import { PasswordResetRequest, PasswordResetRequestRequest } from './password-reset.request.dto';

@ApiTags('auth')
@Controller('auth')
export class PasswordResetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly throttler: Throttler,
  ) {}

  /** « J'ai oublié mon mot de passe »: always the same empty 202, whether or not an account matches. */
  @Public()
  @Post('password-reset-requests')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'If an active account matches, a single-use link valid 30 minutes is mailed.' })
  @ApiTooManyRequestsResponse({ description: 'See Retry-After.' })
  async request(@Body() body: PasswordResetRequestRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.throttler.enforce(res, [
      rule(THROTTLE_LIMITS.resetRequestPerAccount, `${body.by}:${throttleSubject(body.value)}`),
      rule(THROTTLE_LIMITS.resetRequestPerAddress, ipOf(req)),
    ]);
    await this.commands.execute(new RequestPasswordReset(body.by, body.value, langOf(req), requestClient(req)));
  }

  /** The reset (or set-password) link: sets the password and ends every session of the account. */
  @Public()
  @Post('password-resets')
  @HttpCode(204)
  @ApiNoContentResponse()
  async reset(@Body() body: PasswordResetRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.throttler.enforce(res, [rule(THROTTLE_LIMITS.resetPerAddress, ipOf(req))]);
    await this.commands.execute(new ResetPassword(body.token, body.password, body.passwordConfirmation, langOf(req), requestClient(req)));
  }
}
