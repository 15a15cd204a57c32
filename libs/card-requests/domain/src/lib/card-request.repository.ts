import type { CardRequest } from './card-request.aggregate';

/**
 * Port: card requests (schema `card_requests`). Saves write the state and the integration events of
 * the recorded domain events (outbox) in one transaction, with optimistic concurrency on `version`.
 */
export abstract class CardRequestRepository {
  /** Throws `CardRequestNotFound`. */
  abstract get(id: string): Promise<CardRequest>;
  abstract findById(id: string): Promise<CardRequest | null>;
  abstract save(request: CardRequest): Promise<void>;
}

export type SequenceSeries = 'request' | 'card';

/** Port: gapless numbers per series and year, taken inside the saving unit of work. */
export abstract class CardRequestSequences {
  abstract next(series: SequenceSeries, year: number): Promise<number>;
}
