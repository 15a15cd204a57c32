import { EntityId } from '../ids/entity-id';
import { AggregateRoot } from './aggregate-root';
import { BaseDomainEvent } from './domain-event';

class CartId extends EntityId<'CartId'> {}

class ItemAdded extends BaseDomainEvent {
  readonly name = 'ItemAdded';
  constructor(
    id: CartId,
    readonly sku: string,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

class Cart extends AggregateRoot<CartId> {
  private readonly skus: string[] = [];

  static open(id: CartId): Cart {
    return new Cart(id);
  }

  static load(id: CartId, version: number): Cart {
    return new Cart(id, version);
  }

  add(sku: string, now: Date): void {
    this.skus.push(sku);
    this.record(new ItemAdded(this.id, sku, now));
  }
}

const NOW = new Date('2026-11-22T15:00:00Z');

describe('AggregateRoot', () => {
  it('records events in order and hands them over once', () => {
    const cart = Cart.open(CartId.generate());
    cart.add('A', NOW);
    cart.add('B', NOW);
    expect(cart.hasPendingEvents()).toBe(true);
    const events = cart.pullEvents();
    expect(events.map((e) => (e as ItemAdded).sku)).toEqual(['A', 'B']);
    expect(events[0]).toMatchObject({ name: 'ItemAdded', aggregateId: cart.id.value, occurredAt: NOW });
    expect(cart.pullEvents()).toEqual([]);
    expect(cart.hasPendingEvents()).toBe(false);
  });

  it('lets callers peek without clearing or mutating the pending events', () => {
    const cart = Cart.open(CartId.generate());
    cart.add('A', NOW);
    const peeked = cart.peekEvents() as ItemAdded[];
    peeked.length = 0;
    expect(cart.peekEvents()).toHaveLength(1);
    expect(cart.pullEvents()).toHaveLength(1);
  });

  it('starts at version 0 when new and keeps the loaded version', () => {
    expect(Cart.open(CartId.generate()).version).toBe(0);
    expect(Cart.load(CartId.generate(), 7).version).toBe(7);
    expect(() => Cart.load(CartId.generate(), -1)).toThrow(RangeError);
    expect(() => Cart.load(CartId.generate(), 1.5)).toThrow(RangeError);
  });

  it('moves the version forward when persisted, never back', () => {
    const cart = Cart.load(CartId.generate(), 3);
    cart.markPersisted();
    expect(cart.version).toBe(4);
    cart.markPersisted(10);
    expect(cart.version).toBe(10);
    expect(() => cart.markPersisted(9)).toThrow(RangeError);
  });

  it('copies occurredAt so the event cannot change afterwards', () => {
    const when = new Date(NOW);
    const event = new ItemAdded(CartId.generate(), 'A', when);
    when.setFullYear(2000);
    expect(event.occurredAt.toISOString()).toBe('2026-11-22T15:00:00.000Z');
  });

  it('accepts string ids for aggregates that do not use EntityId', () => {
    class Counter extends AggregateRoot<string> {
      constructor(id: string) {
        super(id);
      }
    }
    expect(new Counter('c-1').id).toBe('c-1');
  });
});
