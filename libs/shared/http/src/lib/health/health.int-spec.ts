import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppConfigModule } from '@guichet/shared/config';
import { JobQueue } from '@guichet/shared/messaging';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureHttpApp } from '../configure-http-app';
import { HttpFoundationModule } from '../http-foundation.module';
import { HealthModule } from './health.module';

/** A queue whose health the test decides; the real adapters are covered by the messaging lib's tests. */
class SwitchableJobQueue {
  readonly backendName = 'postgres' as const;
  up = true;

  async ping(): Promise<void> {
    if (!this.up) throw new Error('connection refused');
  }
}

const databaseUrl = process.env['DATABASE_URL'];

describe('GET /api/health (real PostgreSQL from DATABASE_URL)', () => {
  let app: NestExpressApplication;
  const queue = new SwitchableJobQueue();
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl });
  const holder: { dataSource: DataSource } = { dataSource };

  beforeAll(async () => {
    expect(databaseUrl).toBeDefined();
    await dataSource.initialize();

    @Module({
      providers: [
        { provide: DataSource, useFactory: () => holder.dataSource },
        { provide: JobQueue, useValue: queue },
      ],
      exports: [DataSource, JobQueue],
    })
    class InfrastructureStub {}

    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), HttpFoundationModule.forRoot(), { module: InfrastructureStub, global: true }, HealthModule],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    await configureHttpApp(app);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  });

  afterEach(() => {
    queue.up = true;
  });

  it('is 200 when the database and the queue backend answer', async () => {
    const res = await request(app.getHttpServer()).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
    });
  });

  it('is 503 naming the queue when the queue backend is down', async () => {
    queue.up = false;
    const res = await request(app.getHttpServer()).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { queue: { status: 'down', backend: 'postgres', message: 'unreachable' } },
    });
  });

  it('is 503 naming the database when it does not answer', async () => {
    await dataSource.destroy();
    try {
      const res = await request(app.getHttpServer()).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } }, info: { queue: { status: 'up' } } });
    } finally {
      await dataSource.initialize();
    }
  });
});
