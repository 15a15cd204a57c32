import { Public } from '../public.decorator';
import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { JobQueue } from '@guichet/shared/messaging';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

const PING_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout of ${ms}ms exceeded`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** `GET /api/health`: 200 when the database and the queue backend answer, 503 (same JSON shape) otherwise. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly typeOrm: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database and queue backend status' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      return await this.health.check([
        () => this.typeOrm.pingCheck('database', { connection: this.dataSource, timeout: PING_TIMEOUT_MS }),
        () => this.pingQueue(),
      ]);
    } catch (error) {
      // Terminus reports "down" as a 503 exception; probes expect its JSON, not a problem+json.
      if (error instanceof ServiceUnavailableException) {
        res.status(503);
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }

  private async pingQueue(): Promise<HealthIndicatorResult<'queue'>> {
    const check = this.indicators.check('queue');
    try {
      await withTimeout(this.queue.ping(), PING_TIMEOUT_MS);
      return check.up({ backend: this.queue.backendName });
    } catch (error) {
      const reason = error instanceof Error && /^timeout/.test(error.message) ? error.message : 'unreachable';
      return check.down({ backend: this.queue.backendName, message: reason });
    }
  }
}
