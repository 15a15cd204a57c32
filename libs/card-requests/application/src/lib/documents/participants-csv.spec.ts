import { LocalDate } from '@guichet/shared/kernel';
import { MAX_PARTICIPANTS_PER_CSV, parseParticipantsCsv } from './participants-csv';

const today = '2026-03-15';

describe('parseParticipantsCsv', () => {
  it('reads a French file saved by Excel: BOM, semicolons, M./Mme/Mx, DD/MM/YYYY, phone formats, extension column', () => {
    const csv = [
      '\uFEFFTitre;Prénom;Nom;Date de naissance;Téléphone;Poste',
      'M.;Jean;Tremblay;12/05/1980;(514) 555-1234;',
      'Mme;Marie-Ève;Côté;1992-11-03;+1 450 555 9876;246',
      'Mx;Alex;"O’Neil";01/01/2000;"418.555.0000; poste 7";',
    ].join('\r\n');
    const { rows, rejected } = parseParticipantsCsv(csv, { today });
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { title: 'mr', firstName: 'Jean', lastName: 'Tremblay', birthDate: '1980-05-12', phone: '514 555-1234', extension: null },
      { title: 'mrs', firstName: 'Marie-Ève', lastName: 'Côté', birthDate: '1992-11-03', phone: '450 555-9876', extension: '246' },
      { title: 'mx', firstName: 'Alex', lastName: 'O’Neil', birthDate: '2000-01-01', phone: '418 555-0000', extension: '7' },
    ]);
  });

  it('reads an English file with commas, columns in another order, word titles and an inline extension', () => {
    const csv = [
      'Last name,First name,Title,Birth date,Phone,Extension',
      'Smith,John,Mr,1975-07-04,1-819-555-4321 ext. 12,',
      '"Doe Jr.",Jane,Madame,31/12/1999,"8195551111, ext. 5",',
      'Roy,Sam,monsieur,2001-02-28,819 555-2222,99',
    ].join('\n');
    const { rows, rejected } = parseParticipantsCsv(csv, { today });
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { title: 'mr', firstName: 'John', lastName: 'Smith', birthDate: '1975-07-04', phone: '819 555-4321', extension: '12' },
      { title: 'mrs', firstName: 'Jane', lastName: 'Doe Jr.', birthDate: '1999-12-31', phone: '819 555-1111', extension: '5' },
      { title: 'mr', firstName: 'Sam', lastName: 'Roy', birthDate: '2001-02-28', phone: '819 555-2222', extension: '99' },
    ]);
  });

  it('takes the columns in the manual’s order when there is no header, without the optional extension column', () => {
    const { rows, rejected } = parseParticipantsCsv('Mme;Léa;Bouchard;1988-08-08;514 555-1234\nM.;Luc;Paré;1970-01-31;514 555-9999\n', { today });
    expect(rejected).toEqual([]);
    expect(rows.map((row) => `${row.title} ${row.firstName} ${row.lastName} ${row.extension}`)).toEqual(['mrs Léa Bouchard null', 'mr Luc Paré null']);
  });

  it('rejects each bad row with its line number and reason, keeping the good rows', () => {
    const csv = [
      'Titre;Prénom;Nom;Date de naissance;Téléphone;Poste', // 1
      'M.;Jean;Tremblay;1980-05-12;514 555-1234;', // 2 ok
      ';Paul;Martin;1980-05-12;514 555-1234;', // 3 missing title
      'Mme;;Lavoie;;514 555-1234;', // 4 missing first name and birth date
      'Dr;Anne;Roy;1980-05-12;514 555-1234;', // 5 unknown title
      'Mme;Anne;Roy;31/02/1980;514 555-1234;', // 6 nonexistent date
      'Mme;Anne;Roy;1980/05/12;514 555-1234;', // 7 bad date format
      'Mme;Anne;Roy;2026-03-16;514 555-1234;', // 8 tomorrow
      'Mme;Anne;Roy;1980-05-12;555-1234;', // 9 seven digits
      'Mme;Anne;Roy;1980-05-12;514 555-1234;1234567', // 10 extension too long
      'Mme;Anne;R0y;1980-05-12;514 555-1234;', // 11 digit in the name
      'm;JEAN;tremblay;12/05/1980;438 555-0000;', // 12 same person as line 2 (case)
      '', // 13 empty line, skipped
      'Mx;Kim;Ng;1999-09-09;514 555-1234;', // 14 ok
    ].join('\n');
    const { rows, rejected } = parseParticipantsCsv(csv, { today });
    expect(rows.map((row) => row.firstName)).toEqual(['Jean', 'Kim']);
    expect(rejected.map((row) => row.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const fr = rejected.map((row) => row.reason.fr);
    const en = rejected.map((row) => row.reason.en);
    expect(fr[0]).toBe('Champ obligatoire manquant : Titre.');
    expect(fr[1]).toBe('Champ obligatoire manquant : Prénom, Date de naissance.');
    expect(en[1]).toBe('Missing required field: First name, Birth date.');
    expect(fr[2]).toBe('Titre inconnu « Dr » : M., Mme ou Mx.');
    expect(fr[3]).toBe('Date de naissance invalide « 31/02/1980 » : AAAA-MM-JJ ou JJ/MM/AAAA.');
    expect(en[4]).toBe('Invalid birth date "1980/05/12": YYYY-MM-DD or DD/MM/YYYY.');
    expect(fr[5]).toBe('La date de naissance (2026-03-16) est dans le futur.');
    expect(en[5]).toBe('The birth date (2026-03-16) is in the future.');
    expect(fr[6]).toBe('Téléphone « 555-1234 » : Le numéro de téléphone doit compter 10 chiffres, par exemple 514 555-1234.');
    expect(en[7]).toBe('Phone "514 555-1234 / 1234567": The extension must have 1 to 6 digits.');
    expect(fr[8]).toContain('Le nom ne peut contenir que des lettres');
    expect(fr[9]).toBe('Participant en double dans le fichier : même nom, prénom et date de naissance qu’à la ligne 2.');
    expect(en[9]).toBe('Duplicate participant in the file: same names and birth date as line 2.');
  });

  it('accepts a birth date of today, from a LocalDate', () => {
    const { rows, rejected } = parseParticipantsCsv('Title,First name,Last name,Birth date,Phone\nMrs,Baby,Roy,15/03/2026,514 555-1234', { today: LocalDate.parse(today) });
    expect(rejected).toEqual([]);
    expect(rows[0].birthDate).toBe('2026-03-15');
  });

  it('refuses a header missing a required column, naming it', () => {
    const { rows, rejected } = parseParticipantsCsv('Titre;Prénom;Nom;Poste\nM.;Jean;Tremblay;', { today });
    expect(rows).toEqual([]);
    expect(rejected).toEqual([
      { line: 1, reason: { fr: 'Colonnes manquantes dans l’en-tête : Date de naissance, Téléphone.', en: 'Columns missing from the header: Birth date, Phone.' } },
    ]);
  });

  it('refuses an empty file, a header alone and malformed quoting', () => {
    expect(parseParticipantsCsv('\uFEFF\n\n', { today }).rejected[0].reason.en).toBe('The file contains no participant.');
    expect(parseParticipantsCsv('Titre;Prénom;Nom;Date de naissance;Téléphone\n', { today }).rejected).toEqual([
      { line: 1, reason: { fr: 'Le fichier ne contient aucun participant.', en: 'The file contains no participant.' } },
    ]);
    const broken = parseParticipantsCsv('Titre;Prénom;Nom;Date de naissance;Téléphone\nM.;"Jean;Tremblay;1980-05-12;514 555-1234', { today });
    expect(broken.rows).toEqual([]);
    expect(broken.rejected).toHaveLength(1);
    expect(broken.rejected[0].reason.fr).toMatch(/^Le fichier CSV est mal formé/);
  });

  it(`refuses a file of more than ${MAX_PARTICIPANTS_PER_CSV} participants as a whole`, () => {
    const line = (index: number) => `M.;Jean${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26) % 26)};Tremblay;1980-05-12;514 555-1234;`;
    const header = 'Titre;Prénom;Nom;Date de naissance;Téléphone;Poste';
    const ok = parseParticipantsCsv([header, ...Array.from({ length: MAX_PARTICIPANTS_PER_CSV }, (_, index) => line(index))].join('\n'), { today });
    expect(ok.rows).toHaveLength(MAX_PARTICIPANTS_PER_CSV);
    expect(ok.rejected).toEqual([]);
    const tooMany = parseParticipantsCsv([header, ...Array.from({ length: MAX_PARTICIPANTS_PER_CSV + 1 }, (_, index) => line(index))].join('\n'), { today });
    expect(tooMany.rows).toEqual([]);
    expect(tooMany.rejected).toEqual([
      {
        line: MAX_PARTICIPANTS_PER_CSV + 2,
        reason: {
          fr: 'Le fichier compte 501 participants : au plus 500 par importation. Aucun participant n’a été importé.',
          en: 'The file has 501 participants: at most 500 per import. No participant was imported.',
        },
      },
    ]);
  });
});
