import { Query } from '@nestjs/cqrs';
import type { TrainerSummary } from './read-models';

/** For CardRequests and staff: the trainer holding this card (`003-1234` or `ETHC003-1234`), or null. */
export class FindTrainerByCardNumber extends Query<TrainerSummary | null> {
  constructor(readonly cardNumber: string) {
    super();
  }
}
