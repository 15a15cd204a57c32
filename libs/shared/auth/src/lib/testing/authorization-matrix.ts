import { RequestMethod, type DynamicModule, type ForwardReference, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '../session/cookies';

/** What a caller gets from a route: through the guard (`allowed`: anything but 401/403), 401 or 403. */
export type Expectation = 'allowed' | 401 | 403;

/**
 * One line per route (`METHOD /api/path/:param`, as the router holds it), one column per audience
 * (`anonymous` and every role). Each context checks in its own matrix next to its api module.
 */
export type AuthorizationMatrix<A extends string = string> = Readonly<Record<string, Readonly<Record<A, Expectation>>>>;

/**
 * Every route of the app's controllers, as `METHOD /prefix/controller/path`, sorted: read from Nest's
 * route metadata (the Express router also holds middleware bindings for every verb, which are not routes).
 */
export function registeredRoutes(app: INestApplication, globalPrefix = 'api'): string[] {
  const controllers: Type[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      if (wrapper.metatype) controllers.push(wrapper.metatype as Type);
    }
  }
  return routesOf(controllers, globalPrefix);
}

type ModuleImport = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

/**
 * Every route declared by the controllers of `root` and of every module it imports, dynamic modules
 * included, in the form of `registeredRoutes`. Read from the decorators' metadata alone: no module is
 * instantiated, so nothing connects to a database or a queue.
 */
export async function declaredRoutes(root: Type | DynamicModule, globalPrefix = 'api'): Promise<string[]> {
  const controllers = new Set<Type>();
  const seen = new Set<unknown>();
  const pending: ModuleImport[] = [root];
  while (pending.length > 0) {
    const next = pending.pop();
    const entry = isForwardReference(next) ? (next.forwardRef() as Type | DynamicModule) : await next;
    if (entry === undefined || entry === null || seen.has(entry)) continue;
    seen.add(entry);
    const moduleClass = 'module' in entry ? entry.module : entry;
    const dynamic = 'module' in entry ? entry : null;
    for (const controller of [...metadataList<Type>('controllers', moduleClass), ...(dynamic?.controllers ?? [])]) controllers.add(controller);
    pending.push(...metadataList<ModuleImport>('imports', moduleClass), ...((dynamic?.imports ?? []) as ModuleImport[]));
    // A dynamic module's class may declare more than its `forRoot` result: walk the class too.
    if (dynamic !== null) pending.push(moduleClass);
  }
  return routesOf([...controllers], globalPrefix);
}

function isForwardReference(value: ModuleImport | undefined): value is ForwardReference {
  return typeof value === 'object' && value !== null && 'forwardRef' in value;
}

function metadataList<T>(key: 'imports' | 'controllers', target: Type): T[] {
  return (Reflect.getMetadata(key, target) as T[] | undefined) ?? [];
}

/** The routes of these controllers, as `METHOD /prefix/controller/path`, sorted and without duplicates. */
function routesOf(controllers: readonly Type[], globalPrefix: string): string[] {
  const routes = new Set<string>();
  for (const controller of controllers) {
    const controllerPaths = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const methodPaths = asArray(Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined);
      for (const base of controllerPaths) {
        for (const path of methodPaths) routes.add(`${RequestMethod[method]} ${joinPath(globalPrefix, base, path)}`);
      }
    }
  }
  return [...routes].sort();
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value : [value];
}

function joinPath(...parts: string[]): string {
  const path = parts.flatMap((part) => part.split('/')).filter((segment) => segment !== '').join('/');
  return `/${path}`;
}

/** Why the matrix and the router disagree; empty when every route has a full line and every line a route. */
export function matrixProblems(matrix: AuthorizationMatrix, routes: readonly string[], audiences: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(routes);
  for (const route of routes) {
    const line = matrix[route];
    if (line === undefined) {
      problems.push(`Route without an entry in the authorization matrix: '${route}': { ${audiences.map((a) => `'${a}': ?`).join(', ')} }`);
      continue;
    }
    const missing = audiences.filter((a) => !(a in line));
    if (missing.length > 0) problems.push(`'${route}' has no expectation for: ${missing.join(', ')}`);
    const unknown = Object.keys(line).filter((a) => !audiences.includes(a));
    if (unknown.length > 0) problems.push(`'${route}' names unknown audiences: ${unknown.join(', ')}`);
  }
  for (const route of Object.keys(matrix)) {
    if (!known.has(route)) problems.push(`Matrix entry for a route that no longer exists: '${route}'`);
  }
  return problems;
}

/** Cookies a caller presents: its session (null for anonymous) and a genuine XSRF token. */
export interface CallerCredentials {
  readonly sessionToken: string | null;
  readonly xsrfToken: string;
}

/** The observed outcome of calling `route` with a well-formed CSRF pair (so only authorization can refuse). */
export async function outcomeOf(app: INestApplication, route: string, caller: CallerCredentials, origin: string): Promise<{ status: number; outcome: Expectation }> {
  const [method, path] = route.split(' ');
  const url = path.replace(/:[A-Za-z0-9_]+/g, (param) => sampleParam(param.slice(1)));
  const cookies = [`${XSRF_COOKIE}=${caller.xsrfToken}`];
  if (caller.sessionToken) cookies.push(`${SESSION_COOKIE}=${caller.sessionToken}`);
  const agent = request(app.getHttpServer());
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const res = await agent[verb](url).set('Cookie', cookies.join('; ')).set(XSRF_HEADER, caller.xsrfToken).set('Origin', origin);
  const outcome: Expectation = res.status === 401 ? 401 : res.status === 403 ? 403 : 'allowed';
  return { status: res.status, outcome };
}

/** Route parameters get a well-formed but unknown value: authorization must not depend on existence. */
function sampleParam(name: string): string {
  if (name === 'role') return 'guardian';
  return '01890000-0000-7000-8000-000000000000';
}
