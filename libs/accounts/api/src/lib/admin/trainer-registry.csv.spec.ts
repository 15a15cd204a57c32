import { parseTrainerRegistry } from './trainer-registry.csv';

describe('parseTrainerRegistry', () => {
  it('maps French headers in any order, with a BOM, semicolons and quoted fields, keeping line numbers', () => {
    const csv = '\uFEFFCourriel;Nom;Prénom;Numéro de carte;Date d’expiration\n"claude@exemple.ca";"Éthier; fils";Claude;003-1234;2027-06-30\n\nlea@exemple.ca;Roy;Léa;004-5678;2026-12-31\n';
    expect(parseTrainerRegistry(csv)).toEqual([
      { line: 2, cardNumber: '003-1234', lastName: 'Éthier; fils', firstName: 'Claude', email: 'claude@exemple.ca', certificationExpiresOn: '2027-06-30' },
      { line: 4, cardNumber: '004-5678', lastName: 'Roy', firstName: 'Léa', email: 'lea@exemple.ca', certificationExpiresOn: '2026-12-31' },
    ]);
  });

  it('reads a file without a header in the documented order, and pads short rows', () => {
    expect(parseTrainerRegistry('003-1234,Éthier,Claude,claude@exemple.ca,2027-06-30\n005-1,Roy\n')).toEqual([
      { line: 1, cardNumber: '003-1234', lastName: 'Éthier', firstName: 'Claude', email: 'claude@exemple.ca', certificationExpiresOn: '2027-06-30' },
      { line: 2, cardNumber: '005-1', lastName: 'Roy', firstName: '', email: '', certificationExpiresOn: '' },
    ]);
  });

  it('refuses malformed CSV, an empty file and a header missing a column', () => {
    expect(() => parseTrainerRegistry('card number,last name\n"003,Éthier\n')).toThrow(expect.objectContaining({ code: 'ACCOUNTS.UNREADABLE_REGISTRY_FILE' }));
    expect(() => parseTrainerRegistry('')).toThrow(expect.objectContaining({ code: 'ACCOUNTS.UNREADABLE_REGISTRY_FILE' }));
    expect(() => parseTrainerRegistry('Nom,Prénom,Courriel\nRoy,Léa,lea@exemple.ca\n')).toThrow(/cardNumber/);
  });
});
