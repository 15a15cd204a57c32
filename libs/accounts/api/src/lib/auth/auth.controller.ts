import { Body, Controller, Get, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticateSession, SignIn, SignOut } from '@guichet/accounts/contracts';
import { InvalidCredentials, NotStaff } from '@guichet/accounts/domain';
import { AuthCookies, CsrfProtection, CurrentUser, Public, readCookie, requestClient, SESSION_COOKIE, Throttler, type Principal } from '@guichet/shared/auth';
import type { Request, Response } from 'express';
import { InvalidCredentialsFilter } from '../shared/invalid-credentials.filter';
import { ipOf, throttleSubject } from '../shared/request-context';
import { rule, THROTTLE_LIMITS } from '../shared/throttle-limits';
import { AltchaVerifier } from '../registration/altcha.verifier';
import { AltchaChallengeResponse, MeResponse, SignInRequest } from './auth.request.dto';

function toMe(principal: Principal): MeResponse {
  const name = [principal.firstName, principal.lastName].filter((part): part is string => !!part).join(' ');
  return {
    id: principal.accountId,
    username: principal.username,
    name: name === '' ? null : name,
    firstName: principal.firstName,
    lastName: principal.lastName,
    email: principal.email,
    roles: [...principal.roles],
    channel: principal.channel,
  };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly throttler: Throttler,
    private readonly cookies: AuthCookies,
    private readonly csrf: CsrfProtection,
    private readonly altcha: AltchaVerifier,
  ) {}

  /**
   * « Connexion ». Opens a new session and revokes the one the browser still had (rotation); the
   * XSRF token is renewed too. Every refusal before the password is known right is the same 401.
   */
  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @UseFilters(InvalidCredentialsFilter)
  @ApiOkResponse({ type: MeResponse })
  @ApiUnauthorizedResponse({ description: 'ACCOUNTS.INVALID_CREDENTIALS, whatever the cause.' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this identifier or this address; see Retry-After.' })
  async signIn(@Body() body: SignInRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeResponse> {
    await this.throttler.enforce(res, [
      rule(THROTTLE_LIMITS.signInPerAccount, throttleSubject(body.login)),
      rule(THROTTLE_LIMITS.signInPerAddress, ipOf(req)),
    ]);
    const remember = body.channel === 'portal' && body.remember === true;
    const previous = readCookie(req, SESSION_COOKIE);
    const result = await this.commands
      .execute(new SignIn(body.login, body.password, body.channel, remember, requestClient(req), previous))
      .catch((error: unknown) => {
        // The back-office must not tell a member that the password was right.
        throw error instanceof NotStaff ? new InvalidCredentials() : error;
      });
    this.cookies.setSession(res, result.sessionToken, result.remembered ? new Date(result.absoluteExpiresAt) : null);
    this.cookies.setXsrf(res, this.csrf.issue());
    const principal = await this.commands.execute(new AuthenticateSession(result.sessionToken, body.channel));
    if (principal === null) throw new InvalidCredentials();
    return toMe({ ...principal, roles: [...principal.roles] });
  }

  /** « Déconnexion »: revokes the session on the server and clears the cookie; fine when already signed out. */
  @Public()
  @Post('sign-out')
  @HttpCode(204)
  @ApiNoContentResponse()
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await this.commands.execute(new SignOut(token, requestClient(req)));
    this.cookies.clearSession(res);
  }

  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() principal: Principal): MeResponse {
    return toMe(principal);
  }

  /** A fresh proof-of-work challenge for the registration form's ALTCHA widget. */
  @Public()
  @Get('altcha-challenge')
  @ApiOkResponse({ type: AltchaChallengeResponse })
  async altchaChallenge(@Res({ passthrough: true }) res: Response): Promise<AltchaChallengeResponse> {
    res.setHeader('Cache-Control', 'no-store');
    return this.altcha.challenge();
  }
}
