import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ACCOUNTS_PERMISSIONS,
  CreateStaffAccount,
  DeactivateAccount,
  GrantRole,
  ImportTrainerRegistry,
  ReactivateAccount,
  SearchAccounts,
  SearchAuditLog,
  SendResetLink,
  WithdrawRole,
  type AccountListItem,
  type AuditEntryView,
  type Page,
  type TrainerImportReport,
} from '@guichet/accounts/contracts';
import { BackOffice, CurrentUser, Permission, requestClient, type Principal } from '@guichet/shared/auth';
import type { Request } from 'express';
import { UnreadableRegistryFile } from '../shared/accounts-api.errors';
import { langOf } from '../shared/request-context';
import {
  AccountIdParams,
  AccountRoleParams,
  AccountSearchQuery,
  AuditLogQuery,
  CreatedAccountResponse,
  CreateStaffAccountRequest,
  GrantRoleRequest,
} from './admin.request.dto';
import { parseTrainerRegistry } from './trainer-registry.csv';

/** Largest registry file accepted (about 20,000 rows of typical width). */
const MAX_REGISTRY_BYTES = 2 * 1024 * 1024;

interface UploadedCsv {
  readonly buffer: Buffer;
}

/** Reads a `text/csv` body (no global text parser is installed), refusing more than `limit` bytes. */
async function readTextBody(req: Request, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new UnreadableRegistryFile({ fr: 'le fichier dépasse 2 Mo.', en: 'the file is larger than 2 MB.' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Back-office user administration, refused to portal sessions (staff included). The guard checks the
 * permission table of the contracts; the handlers check the same table again with the actor id
 * (defence in depth).
 */
@ApiTags('admin')
@BackOffice()
@Controller('admin')
export class AdminAccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('accounts')
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.search')
  @ApiOkResponse({ description: 'A page of accounts, sorted by last name then first name.' })
  search(@CurrentUser() me: Principal, @Query() query: AccountSearchQuery): Promise<Page<AccountListItem>> {
    return this.queries.execute(
      new SearchAccounts(me.accountId, { text: query.q, role: query.role, page: query.page ?? 1, pageSize: query.pageSize ?? 20 }),
    );
  }

  @Post('accounts')
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.manage-staff')
  @ApiCreatedResponse({ type: CreatedAccountResponse })
  create(@CurrentUser() me: Principal, @Body() body: CreateStaffAccountRequest, @Req() req: Request): Promise<CreatedAccountResponse> {
    return this.commands.execute(
      new CreateStaffAccount(me.accountId, body.email, body.firstName, body.lastName, body.roles, body.username ?? null, langOf(req), requestClient(req)),
    );
  }

  @Post('accounts/:id/roles')
  @HttpCode(204)
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.manage-staff')
  @ApiNoContentResponse()
  async grantRole(@CurrentUser() me: Principal, @Param() params: AccountIdParams, @Body() body: GrantRoleRequest, @Req() req: Request): Promise<void> {
    await this.commands.execute(new GrantRole(me.accountId, params.id, body.role, requestClient(req)));
  }

  @Delete('accounts/:id/roles/:role')
  @HttpCode(204)
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.manage-staff')
  @ApiNoContentResponse()
  async withdrawRole(@CurrentUser() me: Principal, @Param() params: AccountRoleParams, @Req() req: Request): Promise<void> {
    await this.commands.execute(new WithdrawRole(me.accountId, params.id, params.role, requestClient(req)));
  }

  @Post('accounts/:id/deactivation')
  @HttpCode(204)
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.manage-staff')
  @ApiNoContentResponse()
  async deactivate(@CurrentUser() me: Principal, @Param() params: AccountIdParams, @Req() req: Request): Promise<void> {
    await this.commands.execute(new DeactivateAccount(me.accountId, params.id, requestClient(req)));
  }

  @Delete('accounts/:id/deactivation')
  @HttpCode(204)
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.manage-staff')
  @ApiNoContentResponse()
  async reactivate(@CurrentUser() me: Principal, @Param() params: AccountIdParams, @Req() req: Request): Promise<void> {
    await this.commands.execute(new ReactivateAccount(me.accountId, params.id, requestClient(req)));
  }

  @Post('accounts/:id/reset-links')
  @HttpCode(202)
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.send-reset-link')
  @ApiAcceptedResponse({ description: 'A reset (or set-password) link is mailed to the holder; staff never see it.' })
  async sendResetLink(@CurrentUser() me: Principal, @Param() params: AccountIdParams, @Req() req: Request): Promise<void> {
    await this.commands.execute(new SendResetLink(me.accountId, params.id, langOf(req), requestClient(req)));
  }

  @Get('audit-log')
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.read-audit-log')
  @ApiOkResponse({ description: 'Newest first. Never a password or a token.' })
  auditLog(@CurrentUser() me: Principal, @Query() query: AuditLogQuery): Promise<Page<AuditEntryView>> {
    return this.queries.execute(
      new SearchAuditLog(me.accountId, {
        accountId: query.accountId,
        action: query.action,
        from: query.from,
        to: query.to,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 50,
      }),
    );
  }

  /** The registry of certified trainers: `text/csv` body, or multipart with a `file` field. Row-by-row report. */
  @Post('trainer-imports')
  @HttpCode(200)
  @Permission(ACCOUNTS_PERMISSIONS, 'accounts.import-trainers')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_REGISTRY_BYTES, files: 1 } }))
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description: 'Columns: card number, last name, first name, e-mail, certification expiry (YYYY-MM-DD).',
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ description: 'What each row did: created, updated, unchanged or rejected with its reason.' })
  async importTrainers(@CurrentUser() me: Principal, @Req() req: Request, @UploadedFile() file: UploadedCsv | undefined): Promise<TrainerImportReport> {
    const text = file ? file.buffer.toString('utf8') : req.is('text/csv') ? await readTextBody(req, MAX_REGISTRY_BYTES) : null;
    if (text === null) {
      throw new UnreadableRegistryFile({ fr: 'envoyez un fichier CSV (text/csv ou champ « file »).', en: 'send a CSV file (text/csv or a "file" field).' });
    }
    return this.commands.execute(new ImportTrainerRegistry(me.accountId, parseTrainerRegistry(text), langOf(req), requestClient(req)));
  }
}
