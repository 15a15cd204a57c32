import { ACCOUNTS_AUTHORIZATION_MATRIX } from '@guichet/accounts/api';
import { BILLING_AUTHORIZATION_MATRIX } from '@guichet/billing/api';
import { CARD_REQUESTS_AUTHORIZATION_MATRIX } from '@guichet/card-requests/api';
import { declaredRoutes } from '@guichet/shared/auth/testing';
import { API_PREFIX } from '@guichet/shared/http';
import { AppModule } from './app.module';

/**
 * The foundation's own routes, public by design (`@Public()` on their controllers). The Swagger UI
 * (`GET /api/docs`, `GET /api/docs-json`) is mounted by `configureHttpApp` outside any controller,
 * so it is neither a declared route nor listed here.
 */
const FOUNDATION_PUBLIC_ROUTES = ['GET /api/health', 'GET /api/metrics'] as const;

/**
 * Every context's authorization matrix (each checked line by line, audience by audience, in its own
 * api lib). A new context adds its matrix here.
 */
const CONTEXT_MATRICES = {
  accounts: ACCOUNTS_AUTHORIZATION_MATRIX,
  billing: BILLING_AUTHORIZATION_MATRIX,
  'card-requests': CARD_REQUESTS_AUTHORIZATION_MATRIX,
} as const;

/** Why the declared routes and the listed ones disagree; empty when each route is listed exactly once. */
function coverageProblems(routes: readonly string[], listed: Readonly<Record<string, readonly string[]>>): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string[]>();
  for (const [owner, entries] of Object.entries(listed)) {
    for (const route of entries) owners.set(route, [...(owners.get(route) ?? []), owner]);
  }
  for (const route of routes) {
    if (!owners.has(route)) problems.push(`Route without an entry in any authorization matrix: '${route}'`);
  }
  const declared = new Set(routes);
  for (const [route, by] of owners) {
    if (!declared.has(route)) problems.push(`Entry for a route the app does not declare: '${route}' (${by.join(', ')})`);
    if (by.length > 1) problems.push(`Route listed more than once: '${route}' (${by.join(', ')})`);
  }
  return problems;
}

function listedRoutes(): Record<string, readonly string[]> {
  return {
    foundation: FOUNDATION_PUBLIC_ROUTES,
    ...Object.fromEntries(Object.entries(CONTEXT_MATRICES).map(([context, matrix]) => [context, Object.keys(matrix)])),
  };
}

describe('The whole app against the authorization matrices', () => {
  let routes: string[];

  beforeAll(async () => {
    // Read statically from AppModule's imports: nothing is instantiated, no database is needed.
    routes = await declaredRoutes(AppModule, API_PREFIX);
  });

  it('finds the routes of every module the app imports, dynamic ones included', () => {
    expect(routes).toEqual(expect.arrayContaining(['GET /api/health', 'GET /api/metrics', 'GET /api/auth/csrf', 'GET /api/admin/accounts']));
    expect(routes.length).toBeGreaterThan(20);
  });

  it('has every route in exactly one matrix (or the foundation allow-list), and no entry without a route', () => {
    expect(coverageProblems(routes, listedRoutes())).toEqual([]);
  });

  it('fails on a route without an entry, an entry without a route, and a route listed twice', () => {
    const listed = listedRoutes();
    const withoutMe = { ...listed, accounts: listed['accounts'].filter((route) => route !== 'GET /api/auth/me') };
    expect(coverageProblems([...routes, 'GET /api/new-context/things'], withoutMe)).toEqual([
      "Route without an entry in any authorization matrix: 'GET /api/auth/me'",
      "Route without an entry in any authorization matrix: 'GET /api/new-context/things'",
    ]);
    expect(coverageProblems(routes.filter((route) => route !== 'GET /api/metrics'), listed)).toEqual([
      "Entry for a route the app does not declare: 'GET /api/metrics' (foundation)",
    ]);
    expect(coverageProblems(routes, { ...listed, other: ['GET /api/health'] })).toEqual([
      "Route listed more than once: 'GET /api/health' (foundation, other)",
    ]);
  });
});
