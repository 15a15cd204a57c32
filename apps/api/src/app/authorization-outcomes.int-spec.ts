import type { NestExpressApplication } from '@nestjs/platform-express';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { SignIn, UNKNOWN_CLIENT, type Role } from '@guichet/accounts/contracts';
import { BILLING_AUDIENCES, BILLING_AUTHORIZATION_MATRIX, type BillingAudience } from '@guichet/billing/api';
import { CARD_REQUESTS_AUTHORIZATION_MATRIX } from '@guichet/card-requests/api';
import { CsrfProtection } from '@guichet/shared/auth';
import { outcomeOf } from '@guichet/shared/auth/testing';
import { AppConfig } from '@guichet/shared/config';
import { configureHttpApp } from '@guichet/shared/http';
import { AppModule } from './app.module';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './demo-data';

/**
 * Every route of the contexts below, called by every audience (signed out, each role's demo account on
 * its own channel, each staff member on the portal) on the real app: the guard's answer must be the
 * matrix's, and a made-up id is never a server error. (Accounts' matrix is checked in its own api lib.)
 */
const MATRICES = { billing: BILLING_AUTHORIZATION_MATRIX, 'card-requests': CARD_REQUESTS_AUTHORIZATION_MATRIX } as const;

describe('Authorization matrices of the contexts (real app, demo accounts)', () => {
  let app: NestExpressApplication;
  const sessions = new Map<BillingAudience, string | null>();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    await configureHttpApp(app);
    await app.init();
    const commands = app.get(CommandBus);
    await seedDemoData(commands, 'test');
    for (const audience of BILLING_AUDIENCES) {
      if (audience === 'anonymous') {
        sessions.set(audience, null);
        continue;
      }
      const portalStaff = audience.startsWith('portal:');
      const role = (portalStaff ? audience.slice('portal:'.length) : audience) as Role;
      const account = DEMO_ACCOUNTS.find((a) => a.role === role);
      if (!account) throw new Error(`no demo account for role ${role}`);
      const channel = portalStaff ? 'portal' : account.channel;
      const { sessionToken } = await commands.execute(new SignIn(account.signInAs, DEMO_PASSWORD, channel, false, UNKNOWN_CLIENT));
      sessions.set(audience, sessionToken);
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each(Object.entries(MATRICES))('gives every audience the expected outcome on every %s route', async (_context, matrix) => {
    const csrf = app.get(CsrfProtection);
    const origin = new URL(app.get(AppConfig).publicUrl).origin;
    const mismatches: string[] = [];
    for (const [route, line] of Object.entries(matrix)) {
      for (const audience of BILLING_AUDIENCES) {
        const { status, outcome } = await outcomeOf(app, route, { sessionToken: sessions.get(audience) ?? null, xsrfToken: csrf.issue() }, origin);
        if (outcome !== line[audience]) mismatches.push(`${route} as ${audience}: expected ${line[audience]}, got ${status}`);
        // Whoever is let through, a made-up id is never a server error.
        if (status >= 500) mismatches.push(`${route} as ${audience}: ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
