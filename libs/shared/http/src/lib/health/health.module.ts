import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';

/**
 * `GET /api/health` (terminus). Needs a TypeORM `DataSource` and a `JobQueue` in the application
 * (`PersistenceModule` and `MessagingModule` provide them globally).
 */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
})
export class HealthModule {}
