import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ConfirmEmail, RegisterAccount } from '@guichet/accounts/contracts';
import { Public, requestClient, Throttler } from '@guichet/shared/auth';
import type { Request, Response } from 'express';
import { BotCheckFailed } from '../shared/accounts-api.errors';
import { ipOf, langOf, throttleSubject } from '../shared/request-context';
import { rule, THROTTLE_LIMITS } from '../shared/throttle-limits';
import { AltchaVerifier } from './altcha.verifier';
import { LinkTokenRequest, RegistrationRequest } from './registration.request.dto';

@ApiTags('accounts')
@Controller('accounts')
export class RegistrationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly throttler: Throttler,
    private readonly altcha: AltchaVerifier,
  ) {}

  /** « Pas un membre? Inscrivez-vous! ». The same 202 whether or not the address already has an account. */
  @Public()
  @Post('registrations')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A mail is on its way to the address (a confirmation link, or a notice for a known address).' })
  @ApiTooManyRequestsResponse({ description: 'See Retry-After.' })
  async register(@Body() body: RegistrationRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.throttler.enforce(res, [
      rule(THROTTLE_LIMITS.registrationPerAccount, throttleSubject(body.email)),
      rule(THROTTLE_LIMITS.registrationPerAddress, ipOf(req)),
    ]);
    if (!(await this.altcha.verify(body.altcha))) throw new BotCheckFailed();
    await this.commands.execute(
      new RegisterAccount(body.email, body.password, body.passwordConfirmation, body.role ?? 'guardian', langOf(req), requestClient(req)),
    );
  }

  /** The link in the registration mail. */
  @Public()
  @Post('email-confirmations')
  @HttpCode(204)
  @ApiNoContentResponse()
  async confirm(@Body() body: LinkTokenRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.throttler.enforce(res, [rule(THROTTLE_LIMITS.linkPerAddress, ipOf(req))]);
    await this.commands.execute(new ConfirmEmail(body.token, requestClient(req)));
  }
}
