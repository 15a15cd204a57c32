import { DomainError, isDomainError, type DomainErrorKind, type ErrorDetails } from './domain.error';

class SeatTaken extends DomainError {
  readonly code = 'SEATS.SEAT_TAKEN';
  readonly kind: DomainErrorKind = 'conflict';

  constructor(details?: ErrorDetails) {
    super({ fr: 'Cette place est déjà prise.', en: 'This seat is already taken.' }, details);
  }
}

describe('DomainError', () => {
  it('uses the French message as Error.message and the class name as name', () => {
    const error = new SeatTaken();
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('Cette place est déjà prise.');
    expect(error.name).toBe('SeatTaken');
    expect(error.code).toBe('SEATS.SEAT_TAKEN');
    expect(error.kind).toBe('conflict');
  });

  it('gives the message in the requested language, French for anything else', () => {
    const error = new SeatTaken();
    expect(error.messageIn('en')).toBe('This seat is already taken.');
    expect(error.messageIn('fr')).toBe('Cette place est déjà prise.');
    expect(error.messageIn('de')).toBe('Cette place est déjà prise.');
    expect(error.messageIn()).toBe('Cette place est déjà prise.');
  });

  it('freezes messages and details', () => {
    const details = { seat: 'A1' };
    const error = new SeatTaken(details);
    details.seat = 'B2';
    expect(error.details).toEqual({ seat: 'A1' });
    expect(Object.isFrozen(error.details)).toBe(true);
    expect(Object.isFrozen(error.messages)).toBe(true);
  });

  it('serializes to code, kind, French message and details, without a stack', () => {
    expect(JSON.parse(JSON.stringify(new SeatTaken({ seat: 'A1' })))).toEqual({
      code: 'SEATS.SEAT_TAKEN',
      kind: 'conflict',
      message: 'Cette place est déjà prise.',
      details: { seat: 'A1' },
    });
    expect(JSON.parse(JSON.stringify(new SeatTaken()))).toEqual({
      code: 'SEATS.SEAT_TAKEN',
      kind: 'conflict',
      message: 'Cette place est déjà prise.',
    });
  });

  it('is recognized by isDomainError, plain errors are not', () => {
    expect(isDomainError(new SeatTaken())).toBe(true);
    expect(isDomainError(new Error('boom'))).toBe(false);
    expect(isDomainError({ code: 'X.Y', kind: 'invalid' })).toBe(false);
    const lookalike = Object.assign(new Error('x'), {
      code: 'X.Y',
      kind: 'invalid',
      messages: { fr: 'x', en: 'x' },
      messageIn: () => 'x',
    });
    expect(isDomainError(lookalike)).toBe(true);
    expect(isDomainError(Object.assign(lookalike, { kind: 'weird' }))).toBe(false);
  });
});
