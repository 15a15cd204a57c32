import { DomainError } from '../errors/domain.error';
import { InvalidId } from '../errors/kernel.errors';
import { EntityId, newId, toId, type Id } from './entity-id';
import { isUuidV7 } from './uuid';

class TrainerId extends EntityId<'TrainerId'> {}
class InvoiceId extends EntityId<'InvoiceId'> {}

const UUID = '0192e4a0-7d3c-7b2e-9f00-1234567890ab';

describe('EntityId', () => {
  it('accepts a UUID and keeps it lowercase', () => {
    const id = TrainerId.from(UUID.toUpperCase());
    expect(id).toBeInstanceOf(TrainerId);
    expect(id.value).toBe(UUID);
    expect(id.toString()).toBe(UUID);
    expect(JSON.stringify({ id })).toBe(`{"id":"${UUID}"}`);
  });

  it('throws InvalidId naming the id type and the field', () => {
    let caught: unknown;
    try {
      TrainerId.from('42', { field: 'trainerId' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidId);
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as InvalidId).code).toBe('KERNEL.INVALID_ID');
    expect((caught as InvalidId).details).toEqual({ field: 'trainerId', reason: 'format', idType: 'TrainerId' });
  });

  it('generates UUIDv7 ids', () => {
    const a = TrainerId.generate();
    const b = TrainerId.generate();
    expect(a).toBeInstanceOf(TrainerId);
    expect(isUuidV7(a.value)).toBe(true);
    expect(a.equals(b)).toBe(false);
  });

  it('is equal only to the same kind of id with the same value', () => {
    expect(TrainerId.from(UUID).equals(TrainerId.from(UUID.toUpperCase()))).toBe(true);
    expect(TrainerId.from(UUID).equals(InvoiceId.from(UUID) as unknown as TrainerId)).toBe(false);
    expect(TrainerId.from(UUID).equals(null)).toBe(false);
  });
});

describe('Id<Name>', () => {
  it('validates and brands a string', () => {
    const id: Id<'Trainer'> = toId(UUID.toUpperCase(), 'Trainer');
    expect(id).toBe(UUID);
    expect(() => toId('nope', 'Trainer')).toThrow(InvalidId);
  });

  it('makes new UUIDv7 ids', () => {
    const id = newId<'Trainer'>();
    expect(isUuidV7(id)).toBe(true);
  });
});

describe('type safety (checked by the typecheck target)', () => {
  it('keeps id kinds apart', () => {
    const invoiceId = InvoiceId.from(UUID);
    // @ts-expect-error an InvoiceId is not a TrainerId
    const trainerId: TrainerId = invoiceId;
    const branded: Id<'Invoice'> = toId(UUID, 'Invoice');
    // @ts-expect-error an Id<'Invoice'> is not an Id<'Trainer'>
    const other: Id<'Trainer'> = branded;
    expect([trainerId.value, other]).toEqual([UUID, UUID]);
  });
});
