import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureHttpApp } from '@guichet/shared/http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';

// The real application module against the harness's PostgreSQL (DATABASE_URL) and queue backend
// (REDIS_URL when set, BullMQ's PostgreSQL backend otherwise).
describe('AppModule (real database and queue backend)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    await configureHttpApp(app);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs the migrations at start', async () => {
    const rows: { name: string }[] = await app.get(DataSource).query('SELECT name FROM typeorm_migrations');
    expect(rows.map((r) => r.name)).toContain('CreateMessagingSchema1763840000000');
  });

  it('reports the database and the configured queue backend healthy', async () => {
    const res = await request(app.getHttpServer()).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual({
      database: { status: 'up' },
      queue: { status: 'up', backend: process.env['REDIS_URL'] ? 'redis' : 'postgres' },
    });
  });

  it('answers errors as problem+json under /api', async () => {
    const res = await request(app.getHttpServer()).get('/api/nothing-here').set('Accept-Language', 'en');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'HTTP.NOT_FOUND', detail: 'The requested resource does not exist.' });
  });
});
