import type { Role } from '@guichet/accounts/contracts';
import { XSRF_COOKIE, XSRF_HEADER, SESSION_COOKIE } from '@guichet/shared/auth';
import { matrixProblems, outcomeOf, registeredRoutes } from '@guichet/shared/auth/testing';
import request from 'supertest';
import { accountsTestApp, type AccountsTestApp } from '../testing/accounts-test-app';
import { ACCOUNTS_AUDIENCES as AUDIENCES, ACCOUNTS_AUTHORIZATION_MATRIX, type AccountsAudience } from './accounts.authorization-matrix';

describe('Accounts authorization matrix', () => {
  let t: AccountsTestApp;

  beforeAll(async () => {
    t = await accountsTestApp();
  });

  afterAll(async () => {
    await t.app.close();
  });

  it('has exactly one full line per registered route', () => {
    const routes = registeredRoutes(t.app).filter((route) => route !== 'GET /api/metrics');
    expect(routes.length).toBeGreaterThan(20);
    expect(matrixProblems(ACCOUNTS_AUTHORIZATION_MATRIX, routes, AUDIENCES)).toEqual([]);
  });

  it('fails on a route without a line and on a line without a route', () => {
    const { ['GET /api/auth/me']: _removed, ...withoutMe } = ACCOUNTS_AUTHORIZATION_MATRIX;
    const routes = [...Object.keys(ACCOUNTS_AUTHORIZATION_MATRIX), 'GET /api/new-route'];
    expect(matrixProblems(withoutMe, routes, AUDIENCES)).toEqual([
      expect.stringContaining("'GET /api/auth/me'"),
      expect.stringContaining("'GET /api/new-route'"),
    ]);
    expect(matrixProblems(ACCOUNTS_AUTHORIZATION_MATRIX, ['GET /api/auth/me'], AUDIENCES)).toContainEqual(
      expect.stringContaining("no longer exists: 'POST /api/auth/sign-in'"),
    );
  });

  /** A fresh session for the audience: none, the role on its own channel, or a staff role on the portal. */
  function sessionOf(audience: AccountsAudience): Promise<string> | null {
    if (audience === 'anonymous') return null;
    if (audience.startsWith('portal:')) return t.sessionAs(audience.slice('portal:'.length) as Role, 'portal');
    return t.sessionAs(audience as Role);
  }

  it('refuses staff routes to a staff member signed in on the portal, and serves the same member on the back-office', async () => {
    const get = (sessionToken: string) => {
      const xsrf = t.xsrf();
      return request(t.app.getHttpServer())
        .get('/api/admin/accounts')
        .set('Cookie', `${XSRF_COOKIE}=${xsrf}; ${SESSION_COOKIE}=${sessionToken}`)
        .set(XSRF_HEADER, xsrf);
    };
    const portal = await get(await t.sessionAs('admin', 'portal'));
    expect(portal.status).toBe(403);
    expect(portal.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(portal.body.code).toBe('AUTH.BACK_OFFICE_REQUIRED');
    expect((await get(await t.sessionAs('admin', 'back-office'))).status).toBe(200);
  });

  it('gives every audience the expected outcome on every route', async () => {
    const mismatches: string[] = [];
    for (const [route, line] of Object.entries(ACCOUNTS_AUTHORIZATION_MATRIX)) {
      for (const audience of AUDIENCES) {
        const sessionToken = await sessionOf(audience);
        const { status, outcome } = await outcomeOf(t.app, route, { sessionToken, xsrfToken: t.xsrf() }, t.origin);
        if (outcome !== line[audience]) mismatches.push(`${route} as ${audience}: expected ${line[audience]}, got ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Hundreds of calls: seconds on a quiet machine, more when the suite shares two cores.
  }, 60_000);
});
