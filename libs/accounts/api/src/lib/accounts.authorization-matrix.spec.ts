import { ROLES } from '@guichet/accounts/contracts';
import { matrixProblems, outcomeOf, registeredRoutes } from '@guichet/shared/auth/testing';
import { accountsTestApp, type AccountsTestApp } from '../testing/accounts-test-app';
import { ACCOUNTS_AUTHORIZATION_MATRIX } from './accounts.authorization-matrix';

const AUDIENCES = ['anonymous', ...ROLES] as const;

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

  it('gives every audience the expected outcome on every route', async () => {
    const mismatches: string[] = [];
    for (const [route, line] of Object.entries(ACCOUNTS_AUTHORIZATION_MATRIX)) {
      for (const audience of AUDIENCES) {
        const sessionToken = audience === 'anonymous' ? null : await t.sessionAs(audience);
        const { status, outcome } = await outcomeOf(t.app, route, { sessionToken, xsrfToken: t.xsrf() }, t.origin);
        if (outcome !== line[audience]) mismatches.push(`${route} as ${audience}: expected ${line[audience]}, got ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
