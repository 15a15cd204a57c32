import type { TrainerRegistryRow } from '@guichet/accounts/contracts';
import { parse } from 'csv-parse/sync';
import { UnreadableRegistryFile } from '../shared/accounts-api.errors';

type Column = Exclude<keyof TrainerRegistryRow, 'line'>;

const COLUMN_ORDER: readonly Column[] = ['cardNumber', 'lastName', 'firstName', 'email', 'certificationExpiresOn'];

/** Header names as staff write them, French or English, compared without case, accents or punctuation. */
const HEADER_NAMES: Readonly<Record<string, Column>> = {
  cardnumber: 'cardNumber',
  card: 'cardNumber',
  numerodecarte: 'cardNumber',
  numerocarte: 'cardNumber',
  carte: 'cardNumber',
  lastname: 'lastName',
  nom: 'lastName',
  nomdefamille: 'lastName',
  firstname: 'firstName',
  prenom: 'firstName',
  email: 'email',
  courriel: 'email',
  adressecourriel: 'email',
  certificationexpiry: 'certificationExpiresOn',
  certificationexpireson: 'certificationExpiresOn',
  expiry: 'certificationExpiresOn',
  expiration: 'certificationExpiresOn',
  dateexpiration: 'certificationExpiresOn',
  expirationdelacertification: 'certificationExpiresOn',
  datedexpiration: 'certificationExpiresOn',
};

function headerKey(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Row limit of one import, so a huge file cannot hold the api. */
export const MAX_REGISTRY_ROWS = 5000;

/**
 * Reads the registry CSV (comma or semicolon, optional BOM, quoted fields). With a recognized header
 * the columns may come in any order; without one, the order is card number, last name, first name,
 * e-mail, certification expiry. Each row keeps its 1-based line number; short rows get empty cells,
 * which the handler then rejects with its reason.
 */
export function parseTrainerRegistry(text: string): TrainerRegistryRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';'],
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = typeof line === 'number' ? { fr: ` (ligne ${line})`, en: ` (line ${line})` } : { fr: '', en: '' };
    throw new UnreadableRegistryFile({ fr: `CSV mal formé${where.fr}.`, en: `malformed CSV${where.en}.` });
  }
  if (records.length === 0) throw new UnreadableRegistryFile({ fr: 'le fichier est vide.', en: 'the file is empty.' });

  const header = records[0].record.map((cell) => HEADER_NAMES[headerKey(cell)]);
  const hasHeader = header.some((column) => column !== undefined);
  let columns: readonly (Column | undefined)[] = COLUMN_ORDER;
  if (hasHeader) {
    const missing = COLUMN_ORDER.filter((column) => !header.includes(column));
    if (missing.length > 0) {
      throw new UnreadableRegistryFile({ fr: `colonnes manquantes : ${missing.join(', ')}.`, en: `missing columns: ${missing.join(', ')}.` });
    }
    columns = header;
  }
  const rows = hasHeader ? records.slice(1) : records;
  if (rows.length > MAX_REGISTRY_ROWS) {
    throw new UnreadableRegistryFile({ fr: `plus de ${MAX_REGISTRY_ROWS} lignes.`, en: `more than ${MAX_REGISTRY_ROWS} rows.` });
  }
  return rows.map(({ record, info }) => {
    const cells: Record<Column, string> = { cardNumber: '', lastName: '', firstName: '', email: '', certificationExpiresOn: '' };
    columns.forEach((column, index) => {
      if (column !== undefined) cells[column] = record[index] ?? '';
    });
    return { line: info.lines, ...cells };
  });
}
