import { Writable } from 'node:stream';
import { Controller, Get, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppConfig, AppConfigModule } from '@guichet/shared/config';
import { configureHttpApp, HttpFoundationModule } from '@guichet/shared/http';
import request from 'supertest';
import { CsrfProtection } from '../csrf/csrf-protection';
import { AuthModule } from '../auth.module';
import { BackOffice, CsrfExempt, CurrentUser, Permission, Public, Roles } from './auth.decorators';
import { SessionAuthenticator, type Principal } from './principal';

const principal = (roles: string[], channel = 'portal'): Principal => ({
  accountId: 'a-1',
  sessionId: 's-1',
  username: 'ethc003',
  email: 'claude@exemple.ca',
  firstName: 'Claude',
  lastName: 'Éthier',
  roles,
  channel,
});

class FakeSessions extends SessionAuthenticator {
  calls = 0;
  async authenticate(token: string): Promise<Principal | null> {
    this.calls++;
    if (token === 'trainer-token') return principal(['trainer']);
    if (token === 'admin-token') return principal(['admin']);
    if (token === 'admin-back-office-token') return principal(['admin'], 'back-office');
    if (token === 'trainer-back-office-token') return principal(['trainer'], 'back-office');
    return null;
  }
}

const TABLE = { 'probe.manage': ['admin'] } as const;

@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open(@CurrentUser({ optional: true }) who: Principal | null): { who: string | null } {
    return { who: who?.username ?? null };
  }

  @Public()
  @Post('open')
  openPost(): { ok: true } {
    return { ok: true };
  }

  @Public()
  @CsrfExempt()
  @Post('callback')
  callback(@CurrentUser({ optional: true }) who: Principal | null): { who: string | null } {
    return { who: who?.username ?? null };
  }

  /** CsrfExempt alone does not open a route: it still needs a session and the XSRF pair. */
  @CsrfExempt()
  @Post('not-public')
  notPublic(): { ok: true } {
    return { ok: true };
  }

  @Get('mine')
  mine(@CurrentUser() who: Principal): { roles: readonly string[] } {
    return { roles: who.roles };
  }

  @Roles('trainer')
  @Get('trainers')
  trainers(): { ok: true } {
    return { ok: true };
  }

  @Permission(TABLE, 'probe.manage')
  @Post('manage')
  manage(): { ok: true } {
    return { ok: true };
  }
}

@BackOffice()
@Controller('probe-staff')
class BackOfficeProbeController {
  @Roles('admin')
  @Get()
  staff(): { ok: true } {
    return { ok: true };
  }
}

const sessions = new FakeSessions();

@Module({ providers: [{ provide: SessionAuthenticator, useValue: sessions }], exports: [SessionAuthenticator] })
class FakeSessionsModule {}

describe('AuthGuard', () => {
  let app: NestExpressApplication;
  let xsrf: string;
  let origin: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(),
        HttpFoundationModule.forRoot({ logStream: new Writable({ write: (_c, _e, cb) => cb() }) }),
        AuthModule.forRoot({ imports: [FakeSessionsModule], store: 'memory' }),
      ],
      controllers: [ProbeController, BackOfficeProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    await configureHttpApp(app);
    await app.init();
    xsrf = app.get(CsrfProtection).issue();
    origin = new URL(app.get(AppConfig).publicUrl).origin;
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, session?: string) => {
    const req = request(app.getHttpServer()).get(url);
    return session ? req.set('Cookie', `guichet_session=${session}`) : req;
  };
  const post = (url: string, session?: string) =>
    request(app.getHttpServer())
      .post(url)
      .set('Cookie', [`XSRF-TOKEN=${xsrf}`, ...(session ? [`guichet_session=${session}`] : [])].join('; '))
      .set('X-XSRF-TOKEN', xsrf)
      .set('Origin', origin);

  it('is on by default: a route without @Public() refuses a signed-out caller with 401 problem+json', async () => {
    const res = await get('/api/probe/mine');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('HTTP.UNAUTHORIZED');
  });

  it('lets anyone through a @Public() route, and still tells it who is calling', async () => {
    expect((await get('/api/probe/open')).body).toEqual({ who: null });
    expect((await get('/api/probe/open', 'trainer-token')).body).toEqual({ who: 'ethc003' });
  });

  it('gives the handler the principal of the session cookie', async () => {
    const res = await get('/api/probe/mine', 'trainer-token');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ roles: ['trainer'] });
  });

  it('clears a cookie whose session is dead', async () => {
    const res = await get('/api/probe/mine', 'revoked-token');
    expect(res.status).toBe(401);
    expect((res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('guichet_session=;'))).toMatch(/HttpOnly/);
  });

  it('refuses a caller without one of the @Roles with 403', async () => {
    expect((await get('/api/probe/trainers', 'admin-token')).status).toBe(403);
    expect((await get('/api/probe/trainers', 'trainer-token')).status).toBe(200);
    expect((await get('/api/probe/trainers')).status).toBe(401);
  });

  it('checks @Permission against the given table', async () => {
    expect((await post('/api/probe/manage', 'trainer-token')).status).toBe(403);
    expect((await post('/api/probe/manage', 'admin-token')).status).toBe(201);
  });

  it('refuses a portal session on a @BackOffice() route with 403 problem+json, roles notwithstanding', async () => {
    const portal = await get('/api/probe-staff', 'admin-token');
    expect(portal.status).toBe(403);
    expect(portal.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(portal.body.code).toBe('AUTH.BACK_OFFICE_REQUIRED');
    expect((await get('/api/probe-staff', 'admin-back-office-token')).status).toBe(200);
    expect((await get('/api/probe-staff', 'trainer-back-office-token')).status).toBe(403);
    expect((await get('/api/probe-staff')).status).toBe(401);
  });

  it('checks CSRF on public POST routes too, before looking at the session', async () => {
    const before = sessions.calls;
    const bare = await request(app.getHttpServer()).post('/api/probe/open').set('Cookie', 'guichet_session=trainer-token');
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('AUTH.CSRF');
    expect(sessions.calls).toBe(before);
    expect((await post('/api/probe/open')).status).toBe(201);
  });

  it('lets a @Public() @CsrfExempt() callback through without cookies, and never reads a session for it', async () => {
    const before = sessions.calls;
    const res = await request(app.getHttpServer()).post('/api/probe/callback').set('Cookie', 'guichet_session=trainer-token');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ who: null });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(sessions.calls).toBe(before);
    const bare = await request(app.getHttpServer()).post('/api/probe/not-public').set('Cookie', 'guichet_session=trainer-token');
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('AUTH.CSRF');
  });

  it('hands out an XSRF cookie to a browser that has none', async () => {
    const res = await get('/api/probe/open');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('XSRF-TOKEN='));
    expect(cookie).toBeDefined();
    expect(app.get(CsrfProtection).isGenuine(decodeURIComponent(/^XSRF-TOKEN=([^;]+)/.exec(cookie ?? '')?.[1] ?? ''))).toBe(true);
  });
});
