import { InvalidPostalCode } from '../errors/kernel.errors';
import { CanadianPostalCode } from './canadian-postal-code.value-object';

function reasonOf(raw: string): string | undefined {
  try {
    CanadianPostalCode.parse(raw);
  } catch (error) {
    if (error instanceof InvalidPostalCode) return error.reason;
    throw error;
  }
  return undefined;
}

describe('CanadianPostalCode', () => {
  it.each(['h2x1y4', 'H2X 1Y4', 'H2X-1Y4', ' h2x 1y4 ', 'H2X1Y4', 'h2X\t1y4'])('normalizes %p to H2X 1Y4', (raw) => {
    expect(CanadianPostalCode.parse(raw).value).toBe('H2X 1Y4');
  });

  it('exposes the sortation area and the province', () => {
    const code = CanadianPostalCode.parse('g1r 4p5');
    expect(code.forwardSortationArea).toBe('G1R');
    expect(code.provinces).toEqual(['QC']);
    expect(CanadianPostalCode.parse('K1A 0B1').provinces).toEqual(['ON']);
    expect(CanadianPostalCode.parse('X0A 0H0').provinces).toEqual(['NU', 'NT']);
    expect(CanadianPostalCode.parse('V6B 1A1').provinces).toEqual(['BC']);
  });

  it.each([
    ['', 'format'],
    ['H2X 1Y', 'format'],
    ['H2X 1Y45', 'format'],
    ['2HX 1Y4', 'format'],
    ['H2X  1Y4', 'format'],
    ['H2X_1Y4', 'format'],
    ['H2X 1Y4 Canada', 'format'],
    ['12345', 'format'],
    ['D2X 1Y4', 'letter'],
    ['H2F 1Y4', 'letter'],
    ['H2X 1I4', 'letter'],
    ['O2X 1Y4', 'letter'],
    ['H2Q 1Y4', 'letter'],
    ['U2X 1Y4', 'letter'],
    ['W2X 1Y4', 'region'],
    ['Z2X 1Y4', 'region'],
  ])('rejects %p (%s)', (raw, reason) => {
    expect(reasonOf(raw)).toBe(reason);
  });

  it('accepts W and Z after the first letter', () => {
    expect(CanadianPostalCode.parse('h3z 2w1').value).toBe('H3Z 2W1');
  });

  it('throws KERNEL.INVALID_POSTAL_CODE with the Quebec French message', () => {
    expect(() => CanadianPostalCode.parse('123', { field: 'codePostal' })).toThrow(
      expect.objectContaining({
        code: 'KERNEL.INVALID_POSTAL_CODE',
        message: 'Le code postal doit avoir la forme A1A 1A1.',
        details: { field: 'codePostal', reason: 'format' },
      }),
    );
    expect(() => CanadianPostalCode.parse(null as unknown as string)).toThrow(InvalidPostalCode);
  });

  it('is equal by normalized value and serializes as a string', () => {
    const code = CanadianPostalCode.parse('h2x1y4');
    expect(code.equals(CanadianPostalCode.parse('H2X-1Y4'))).toBe(true);
    expect(code.equals(CanadianPostalCode.parse('H2X 1Y5'))).toBe(false);
    expect(code.toString()).toBe('H2X 1Y4');
    expect(JSON.stringify(code)).toBe('"H2X 1Y4"');
  });
});
