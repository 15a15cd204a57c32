import { Writable } from 'node:stream';
import { Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { SignIn, UNKNOWN_CLIENT, isStaffRole, type Role, type SignInChannel } from '@guichet/accounts/contracts';
import { ACCOUNTS_HANDLERS, AccountMail, AccountReadModel, AuditLog, TokenGenerator } from '@guichet/accounts/application';
import { AccountRepository, LearnerUserCodes, PasswordHasher, SessionRepository, UsernameAvailability } from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { AuthModule, CsrfProtection } from '@guichet/shared/auth';
import { AppConfig, AppConfigModule } from '@guichet/shared/config';
import { configureHttpApp, HttpFoundationModule } from '@guichet/shared/http';
import { Clock } from '@guichet/shared/kernel';
import { PASSWORD, RepositoryUsernameAvailability, SequentialLearnerCodes, harness } from '@guichet/accounts/application/testing';
import { AccountsApiModule } from '../lib/accounts-api.module';

export { PASSWORD };

/** The whole Accounts api (guard, CSRF, throttling, controllers, handlers) on in-memory fakes. */
export async function accountsTestApp() {
  const h = harness();
  const ports = [
    { provide: AccountRepository, useValue: h.accounts },
    { provide: SessionRepository, useValue: h.sessions },
    { provide: PasswordHasher, useValue: h.hasher },
    { provide: TokenGenerator, useValue: h.tokens },
    { provide: AccountMail, useValue: h.mail },
    { provide: AuditLog, useValue: h.audit },
    { provide: AccountReadModel, useValue: h.readModel },
    { provide: LearnerUserCodes, useValue: new SequentialLearnerCodes() },
    { provide: UsernameAvailability, useValue: new RepositoryUsernameAvailability(h.accounts) },
    { provide: UnitOfWork, useValue: h.unitOfWork },
    { provide: Clock, useValue: h.clock },
  ];

  // Like AccountsInfrastructureModule: the handlers and their ports, here on the fakes.
  @Module({ imports: [CqrsModule], providers: [...ports, ...ACCOUNTS_HANDLERS], exports: ports.map((p) => p.provide) })
  class InMemoryAccountsInfrastructure {}

  const accounts = AccountsApiModule.register({ infrastructure: InMemoryAccountsInfrastructure });
  const logStream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(),
      CqrsModule.forRoot(),
      HttpFoundationModule.forRoot({ logStream }),
      AuthModule.forRoot({ imports: [accounts], store: 'memory', clock: h.clock }),
      accounts,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  await configureHttpApp(app);
  await app.init();

  const csrf = app.get(CsrfProtection);
  const commands = app.get(CommandBus);
  const origin = new URL(app.get(AppConfig).publicUrl).origin;
  const emails = new Map<Role, string>();

  return {
    app,
    h,
    origin,
    /** A genuine XSRF token for the `XSRF-TOKEN` cookie and the `X-XSRF-TOKEN` header. */
    xsrf: (): string => csrf.issue(),
    /**
     * An active account holding exactly `role` (created once), signed in afresh on `channel`: by
     * default its own (back-office for staff, portal for the others).
     */
    async sessionAs(role: Role, channel: SignInChannel = isStaffRole(role) ? 'back-office' : 'portal'): Promise<string> {
      let email = emails.get(role);
      if (email === undefined) {
        email = `${role.replace(/[^a-z]/g, '')}@exemple.ca`;
        if (isStaffRole(role)) {
          await h.activeStaff(email, [role]);
        } else {
          const id = await h.activeMember(email);
          const row = h.accounts.rows.get(id);
          if (row === undefined) throw new Error(`no account ${email}`);
          h.accounts.rows.set(id, { ...row, roles: [role] });
        }
        emails.set(role, email);
      }
      const result = await commands.execute(new SignIn(email, PASSWORD, channel, false, UNKNOWN_CLIENT));
      return result.sessionToken;
    },
  };
}

export type AccountsTestApp = Awaited<ReturnType<typeof accountsTestApp>>;
