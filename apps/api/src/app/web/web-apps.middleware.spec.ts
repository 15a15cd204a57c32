import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { platformWebApps, webAppsMiddleware } from './web-apps.middleware';

@Controller('api/ping')
class PingController {
  @Get()
  ping(): { pong: true } {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

describe('webAppsMiddleware', () => {
  let staticDir: string;
  let app: NestExpressApplication;

  function build(name: 'portal' | 'admin'): void {
    const dir = path.join(staticDir, name, 'browser');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${name}</title>`);
    writeFileSync(path.join(dir, 'main-ABCD1234.js'), `console.log('${name}')`);
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  }

  beforeEach(async () => {
    staticDir = mkdtempSync(path.join(tmpdir(), 'web-apps-'));
    app = await NestFactory.create<NestExpressApplication>(PingModule, { logger: false });
    app.use(webAppsMiddleware(platformWebApps(staticDir)));
    await app.init();
  });

  afterEach(async () => {
    await app.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  it('serves the portal at / and the back-office at /admin/, index.html uncached', async () => {
    build('portal');
    build('admin');
    const portal = await http().get('/');
    expect(portal.status).toBe(200);
    expect(portal.text).toContain('<title>portal</title>');
    expect(portal.headers['cache-control']).toBe('no-cache');
    const admin = await http().get('/admin/');
    expect(admin.status).toBe(200);
    expect(admin.text).toContain('<title>admin</title>');
  });

  it('caches hashed files for a year and other files not at all', async () => {
    build('portal');
    build('admin');
    const hashed = await http().get('/admin/main-ABCD1234.js');
    expect(hashed.status).toBe(200);
    expect(hashed.text).toContain("console.log('admin')");
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await http().get('/favicon.svg');
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes of each app', async () => {
    build('portal');
    build('admin');
    const deep = await http().get('/sessions/42/participants').set('Accept', 'text/html');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<title>portal</title>');
    const adminDeep = await http().get('/admin/card-requests/7').set('Accept', 'text/html');
    expect(adminDeep.text).toContain('<title>admin</title>');
    expect(adminDeep.headers['cache-control']).toBe('no-cache');
  });

  it('leaves a missing file a 404 instead of answering HTML', async () => {
    build('portal');
    const res = await http().get('/main-OLDCHUNK.js');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<title>portal</title>');
  });

  it('never answers under /api', async () => {
    build('portal');
    expect((await http().get('/api/ping')).body).toEqual({ pong: true });
    const unknown = await http().get('/api/unknown').set('Accept', 'text/html');
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toContain('<title>portal</title>');
  });

  it('redirects /admin to /admin/, keeping the query', async () => {
    build('admin');
    const res = await http().get('/admin?lang=en');
    expect(res.status).toBe(301);
    expect(res.headers['location']).toBe('/admin/?lang=en');
  });

  it('answers a clear 503 page while a build is missing, and serves it once built', async () => {
    build('portal');
    const missing = await http().get('/admin/');
    expect(missing.status).toBe(503);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.text).toContain('npx nx build admin');
    expect(missing.text).toContain('n’est pas encore construit');
    build('admin');
    expect((await http().get('/admin/')).status).toBe(200);
  });

  it('refuses to walk out of the build folder', async () => {
    build('portal');
    writeFileSync(path.join(staticDir, 'secret.txt'), 'top secret');
    const res = await http().get('/..%2f..%2fsecret.txt');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain('top secret');
  });

  it('ignores methods other than GET and HEAD', async () => {
    build('portal');
    expect((await http().post('/').send({})).status).toBe(404);
    expect((await http().head('/')).status).toBe(200);
  });
});
