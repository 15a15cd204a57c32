import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChangeName, ChangePassword, ConfirmEmailChange, GetProfile, RequestEmailChange } from '@guichet/accounts/contracts';
import { CurrentUser, Public, requestClient, Throttler, type Principal } from '@guichet/shared/auth';
import type { Request, Response } from 'express';
import { LinkTokenRequest } from '../registration/registration.request.dto';
import { ipOf, langOf } from '../shared/request-context';
import { rule, THROTTLE_LIMITS } from '../shared/throttle-limits';
import { ChangeNameRequest, ChangePasswordRequest, EmailChangeRequest, ProfileResponse } from './profile.request.dto';

/** « Profil »: the signed-in person's own account, always by the session's account id (never a path id). */
@ApiTags('profile')
@Controller('profile')
export class ProfileController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly throttler: Throttler,
  ) {}

  @Get()
  @ApiOkResponse({ type: ProfileResponse })
  get(@CurrentUser() me: Principal): Promise<ProfileResponse> {
    return this.queries.execute(new GetProfile(me.accountId));
  }

  @Patch()
  @ApiOkResponse({ type: ProfileResponse })
  async changeName(@CurrentUser() me: Principal, @Body() body: ChangeNameRequest): Promise<ProfileResponse> {
    await this.commands.execute(new ChangeName(me.accountId, body.firstName, body.lastName));
    return this.queries.execute(new GetProfile(me.accountId));
  }

  /** « Sauvegarder le nouveau mot de passe »: every other session ends; this one stays. */
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse()
  async changePassword(
    @CurrentUser() me: Principal,
    @Body() body: ChangePasswordRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    // Guessing the current password from a stolen session is throttled like a sign-in.
    await this.throttler.enforce(res, [rule(THROTTLE_LIMITS.passwordChangePerAccount, me.accountId)]);
    await this.commands.execute(
      new ChangePassword(me.accountId, me.sessionId, body.currentPassword, body.newPassword, body.confirmation, langOf(req), requestClient(req)),
    );
  }

  /** « Courriel »: a link goes to the new address; the address changes when it is used. */
  @Post('email-change-requests')
  @HttpCode(202)
  @ApiAcceptedResponse()
  async requestEmailChange(@CurrentUser() me: Principal, @Body() body: EmailChangeRequest, @Req() req: Request): Promise<void> {
    await this.commands.execute(new RequestEmailChange(me.accountId, body.email, langOf(req), requestClient(req)));
  }

  /** The link sent to the new address; public, since it may be opened signed out or in another browser. */
  @Public()
  @Post('email-confirmations')
  @HttpCode(204)
  @ApiNoContentResponse()
  async confirmEmailChange(@Body() body: LinkTokenRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.throttler.enforce(res, [rule(THROTTLE_LIMITS.linkPerAddress, ipOf(req))]);
    await this.commands.execute(new ConfirmEmailChange(body.token, langOf(req), requestClient(req)));
  }
}
