import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../session/auth.decorators';
import { AuthCookies } from '../session/auth-cookies';
import { CsrfProtection } from './csrf-protection';

@ApiTags('auth')
@Controller('auth')
export class CsrfController {
  constructor(
    private readonly csrf: CsrfProtection,
    private readonly cookies: AuthCookies,
  ) {}

  /** A fresh `XSRF-TOKEN` cookie, for a client that must send a state-changing request first thing. */
  @Public()
  @Get('csrf')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Sets the XSRF-TOKEN cookie; echo it in the X-XSRF-TOKEN header.' })
  issue(@Res({ passthrough: true }) res: Response): void {
    this.cookies.setXsrf(res, this.csrf.issue());
  }
}
