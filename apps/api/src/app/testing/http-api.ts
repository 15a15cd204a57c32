import { createServer } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@guichet/shared/auth';
import { configureHttpApp } from '@guichet/shared/http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedDemoData } from '../demo-data';

/** The cookies and XSRF token of a signed-in caller, for supertest. */
export interface HttpSession {
  readonly cookie: string;
  readonly xsrf: string;
}

/** The whole api listening on 127.0.0.1, its demo accounts seeded (int specs over real HTTP). */
export interface HttpApi {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly origin: string;
  readonly db: DataSource;
  readonly commands: CommandBus;
  readonly seeded: Awaited<ReturnType<typeof seedDemoData>>;
  /** Signs a demo account in on `channel` (with the demo password), through the api's own routes. */
  signIn(login: string, channel: 'portal' | 'back-office'): Promise<HttpSession>;
  /** Closes the app and gives back the environment as it was before `startHttpApi`. */
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the api on `port` with `env` added to the environment (and PUBLIC_URL pointing at itself), then
 * seeds the demo data.
 */
export async function startHttpApi(port: number, env: Record<string, string> = {}): Promise<HttpApi> {
  const saved = { ...process.env };
  const baseUrl = `http://127.0.0.1:${port}`;
  const origin = new URL(baseUrl).origin;
  Object.assign(process.env, { ...env, PUBLIC_URL: baseUrl });
  // Loaded now: the configuration module reads the environment when the app module is defined.
  const { AppModule } = await import('../app.module');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  await configureHttpApp(app);
  await app.listen(port, '127.0.0.1');
  const commands = app.get(CommandBus);
  const seeded = await seedDemoData(commands, 'test');

  async function signIn(login: string, channel: 'portal' | 'back-office'): Promise<HttpSession> {
    const csrf = await request(baseUrl).get('/api/auth/csrf');
    const xsrfCookie = (csrf.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${XSRF_COOKIE}=`));
    const xsrf = decodeURIComponent(xsrfCookie?.split(';')[0].slice(`${XSRF_COOKIE}=`.length) ?? '');
    const res = await request(baseUrl)
      .post('/api/auth/sign-in')
      .set('Cookie', `${XSRF_COOKIE}=${xsrf}`)
      .set(XSRF_HEADER, xsrf)
      .set('Origin', origin)
      .send({ login, password: DEMO_PASSWORD, channel });
    expect(res.status).toBe(200);
    const cookies = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]);
    const renewed = cookies.find((c) => c.startsWith(`${XSRF_COOKIE}=`));
    const token = renewed ? decodeURIComponent(renewed.slice(`${XSRF_COOKIE}=`.length)) : xsrf;
    const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    return { cookie: `${XSRF_COOKIE}=${token}; ${session}`, xsrf: token };
  }

  return {
    app,
    baseUrl,
    origin,
    db: app.get(DataSource),
    commands,
    seeded,
    signIn,
    async close() {
      await app.close();
      process.env = saved;
    },
  };
}
