import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { StaffCardRequestsController } from './staff/staff-card-requests.controller';
import { TrainerCardRequestsController } from './trainer/trainer-card-requests.controller';
import { CardVerificationController } from './verification/card-verification.controller';

export interface CardRequestsApiOptions {
  /** The module registering CardRequests' handlers with their ports bound: `CardRequestsInfrastructureModule` in the app. */
  readonly infrastructure: NonNullable<ModuleMetadata['imports']>[number];
}

/** CardRequests' HTTP api: trainers' requests, the card desk, the public verification of a card. */
@Module({})
export class CardRequestsApiModule {
  static register(options: CardRequestsApiOptions): DynamicModule {
    return {
      module: CardRequestsApiModule,
      imports: [CqrsModule, options.infrastructure],
      // Fixed paths (`verification/…`, `staff/…`) before the trainer's `:id` routes.
      controllers: [CardVerificationController, StaffCardRequestsController, TrainerCardRequestsController],
    };
  }
}
