import { InvalidPersonName, InvalidPhoneNumber, LocalDate, PersonName, PhoneNumber, type LocalizedMessages } from '@guichet/shared/kernel';
import type { ParticipantInput, ParticipantTitle } from '@guichet/card-requests/contracts';
import { parse } from 'csv-parse/sync';

/** A line of the file that was not imported, and why (fr + en). `line` is 1-based, the header being line 1. */
export interface RejectedParticipantRow {
  readonly line: number;
  readonly reason: LocalizedMessages;
}

export interface ParsedParticipantsCsv {
  /** Cleaned, as typed in « Fiche du participant »; `phone` written `514 555-1234`. */
  readonly rows: ParticipantInput[];
  /** The file line of each row of `rows` (same order), for reporting a row refused later. */
  readonly lines: number[];
  readonly rejected: RejectedParticipantRow[];
}

export interface ParticipantsCsvOptions {
  /** Birth dates after this day are refused; today in Montréal by default. */
  readonly today?: LocalDate | string;
}

/** Participants one file may hold; a longer file is refused as a whole. */
export const MAX_PARTICIPANTS_PER_CSV = 500;

type Column = keyof ParticipantInput;

/** Column order when the file has no header row. */
const COLUMN_ORDER: readonly Column[] = ['title', 'firstName', 'lastName', 'birthDate', 'phone', 'extension'];
const REQUIRED_COLUMNS: readonly Column[] = ['title', 'firstName', 'lastName', 'birthDate', 'phone'];

const COLUMN_LABELS: Record<Column, LocalizedMessages> = {
  title: { fr: 'Titre', en: 'Title' },
  firstName: { fr: 'Prénom', en: 'First name' },
  lastName: { fr: 'Nom', en: 'Last name' },
  birthDate: { fr: 'Date de naissance', en: 'Birth date' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  extension: { fr: 'Poste', en: 'Extension' },
};

/** Header cells as people write them, French or English, compared without case, accents or punctuation. */
const HEADER_NAMES: Readonly<Record<string, Column>> = {
  titre: 'title',
  title: 'title',
  civilite: 'title',
  prenom: 'firstName',
  firstname: 'firstName',
  givenname: 'firstName',
  nom: 'lastName',
  nomdefamille: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  datedenaissance: 'birthDate',
  naissance: 'birthDate',
  birthdate: 'birthDate',
  dateofbirth: 'birthDate',
  telephone: 'phone',
  tel: 'phone',
  phone: 'phone',
  phonenumber: 'phone',
  poste: 'extension',
  extension: 'extension',
  ext: 'extension',
};

/** Titles as typed: `M.`, `Mme`, `Mx`, the codes, and the words. Compared lowercase, without accents or periods. */
const TITLES: Readonly<Record<string, ParticipantTitle>> = {
  m: 'mr',
  mr: 'mr',
  monsieur: 'mr',
  mister: 'mr',
  mme: 'mrs',
  mrs: 'mrs',
  ms: 'mrs',
  madame: 'mrs',
  mlle: 'mrs',
  mademoiselle: 'mrs',
  mx: 'mx',
};

function simplify(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** `;` or `,`: whichever the first line has more of outside quotes (`;` on a tie, as French Excel writes). */
function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const OLDEST_BIRTH_YEAR = 1900;

function parseDate(raw: string): LocalDate | null {
  const iso = ISO_DATE.exec(raw);
  const dayFirst = iso ? null : DAY_FIRST_DATE.exec(raw);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number);
  if (year < OLDEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > LocalDate.daysInMonth(year, month)) return null;
  return LocalDate.of(year, month, day);
}

/** Same person: first and last names without case, accents or punctuation, and the birth date. */
function identityOf(row: ParticipantInput): string {
  return `${simplify(row.firstName)}|${simplify(row.lastName)}|${row.birthDate}`;
}

const REASONS = {
  unreadable: (line: number | null): LocalizedMessages =>
    line === null
      ? { fr: 'Le fichier CSV est mal formé.', en: 'The CSV file is malformed.' }
      : { fr: `Le fichier CSV est mal formé à la ligne ${line}.`, en: `The CSV file is malformed at line ${line}.` },
  empty: { fr: 'Le fichier ne contient aucun participant.', en: 'The file contains no participant.' },
  tooMany: (count: number): LocalizedMessages => ({
    fr: `Le fichier compte ${count} participants : au plus ${MAX_PARTICIPANTS_PER_CSV} par importation. Aucun participant n’a été importé.`,
    en: `The file has ${count} participants: at most ${MAX_PARTICIPANTS_PER_CSV} per import. No participant was imported.`,
  }),
  missingColumns: (columns: readonly Column[]): LocalizedMessages => ({
    fr: `Colonnes manquantes dans l’en-tête : ${columns.map((column) => COLUMN_LABELS[column].fr).join(', ')}.`,
    en: `Columns missing from the header: ${columns.map((column) => COLUMN_LABELS[column].en).join(', ')}.`,
  }),
  missing: (columns: readonly Column[]): LocalizedMessages => ({
    fr: `Champ obligatoire manquant : ${columns.map((column) => COLUMN_LABELS[column].fr).join(', ')}.`,
    en: `Missing required field: ${columns.map((column) => COLUMN_LABELS[column].en).join(', ')}.`,
  }),
  unknownTitle: (value: string): LocalizedMessages => ({
    fr: `Titre inconnu « ${value} » : M., Mme ou Mx.`,
    en: `Unknown title "${value}": Mr. (M.), Mrs. (Mme) or Mx.`,
  }),
  badDate: (value: string): LocalizedMessages => ({
    fr: `Date de naissance invalide « ${value} » : AAAA-MM-JJ ou JJ/MM/AAAA.`,
    en: `Invalid birth date "${value}": YYYY-MM-DD or DD/MM/YYYY.`,
  }),
  futureDate: (value: string): LocalizedMessages => ({
    fr: `La date de naissance (${value}) est dans le futur.`,
    en: `The birth date (${value}) is in the future.`,
  }),
  phone: (value: string, message: LocalizedMessages): LocalizedMessages => ({
    fr: `Téléphone « ${value} » : ${message.fr}`,
    en: `Phone "${value}": ${message.en}`,
  }),
  duplicate: (line: number): LocalizedMessages => ({
    fr: `Participant en double dans le fichier : même nom, prénom et date de naissance qu’à la ligne ${line}.`,
    en: `Duplicate participant in the file: same names and birth date as line ${line}.`,
  }),
};

class RowRejected extends Error {
  constructor(readonly reason: LocalizedMessages) {
    super(reason.en);
  }
}

function todayOf(options: ParticipantsCsvOptions): LocalDate {
  if (options.today instanceof LocalDate) return options.today;
  if (typeof options.today === 'string') return LocalDate.parse(options.today);
  return LocalDate.fromInstant(new Date());
}

function readRow(cells: Record<Column, string>, today: LocalDate): ParticipantInput {
  const missing = REQUIRED_COLUMNS.filter((column) => cells[column] === '');
  if (missing.length > 0) throw new RowRejected(REASONS.missing(missing));

  const title = TITLES[simplify(cells.title)];
  if (!title) throw new RowRejected(REASONS.unknownTitle(cells.title));

  let name: PersonName;
  try {
    name = PersonName.of(cells.firstName, cells.lastName);
  } catch (error) {
    if (!(error instanceof InvalidPersonName)) throw error;
    throw new RowRejected(error.messages);
  }

  const birthDate = parseDate(cells.birthDate);
  if (!birthDate) throw new RowRejected(REASONS.badDate(cells.birthDate));
  if (birthDate.isAfter(today)) throw new RowRejected(REASONS.futureDate(cells.birthDate));

  let phone: PhoneNumber;
  try {
    phone = PhoneNumber.parse(cells.phone, cells.extension === '' ? null : cells.extension);
  } catch (error) {
    if (!(error instanceof InvalidPhoneNumber)) throw error;
    throw new RowRejected(REASONS.phone(cells.extension === '' ? cells.phone : `${cells.phone} / ${cells.extension}`, error.messages));
  }

  return {
    title,
    firstName: name.firstName,
    lastName: name.lastName,
    birthDate: birthDate.toString(),
    phone: nationalFormat(phone),
    extension: phone.extension,
  };
}

/** `514 555-1234` (the extension goes in its own field). */
function nationalFormat(phone: PhoneNumber): string {
  const n = phone.nationalNumber;
  return `${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6)}`;
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Reads participants from a spreadsheet saved as CSV (staff's import into a draft request): UTF-8 with
 * or without BOM, `;` or `,` (detected from the first line), quoted fields. With a French or English
 * header row (Titre/Title, Prénom/First name, Nom/Last name, Date de naissance/Birth date,
 * Téléphone/Phone, Poste/Extension) the columns may come in any order; without one, that order.
 * Titles `M.`/`Mme`/`Mx` (or mr/mrs/mx, Monsieur/Madame), dates `YYYY-MM-DD` or `DD/MM/YYYY`, NANP phone
 * numbers (an extension may follow the number: `514 555-1234 poste 12`).
 *
 * Each bad row is rejected with its line and reason (missing field, unknown title, bad name, bad or
 * future birth date, bad phone or extension, the same person twice in the file); the good rows are
 * returned. A file that cannot be read, has no participant, lacks a required column or holds more than
 * {@link MAX_PARTICIPANTS_PER_CSV} participants gives no row and one rejection saying why.
 */
export function parseParticipantsCsv(text: string, options: ParticipantsCsvOptions = {}): ParsedParticipantsCsv {
  const today = todayOf(options);
  const content = text.replace(/^\uFEFF/, '');
  let records: CsvRecord[];
  try {
    records = parse(content, {
      delimiter: detectDelimiter(content),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { rows: [], lines: [], rejected: [{ line: typeof line === 'number' ? line : 1, reason: REASONS.unreadable(typeof line === 'number' ? line : null) }] };
  }
  if (records.length === 0) return { rows: [], lines: [], rejected: [{ line: 1, reason: REASONS.empty }] };

  const header = records[0].record.map((cell) => HEADER_NAMES[simplify(cell)]);
  const hasHeader = header.some((column) => column !== undefined);
  let columns: readonly (Column | undefined)[] = COLUMN_ORDER;
  if (hasHeader) {
    const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
    if (missing.length > 0) return { rows: [], lines: [], rejected: [{ line: records[0].info.lines, reason: REASONS.missingColumns(missing) }] };
    columns = header;
  }
  const dataRecords = hasHeader ? records.slice(1) : records;
  if (dataRecords.length === 0) return { rows: [], lines: [], rejected: [{ line: 1, reason: REASONS.empty }] };
  if (dataRecords.length > MAX_PARTICIPANTS_PER_CSV) {
    return { rows: [], lines: [], rejected: [{ line: dataRecords[MAX_PARTICIPANTS_PER_CSV].info.lines, reason: REASONS.tooMany(dataRecords.length) }] };
  }

  const rows: ParticipantInput[] = [];
  const lines: number[] = [];
  const rejected: RejectedParticipantRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of dataRecords) {
    const cells: Record<Column, string> = { title: '', firstName: '', lastName: '', birthDate: '', phone: '', extension: '' };
    columns.forEach((column, index) => {
      if (column !== undefined && cells[column] === '') cells[column] = (record[index] ?? '').trim();
    });
    try {
      const row = readRow(cells, today);
      const identity = identityOf(row);
      const first = firstLineOf.get(identity);
      if (first !== undefined) throw new RowRejected(REASONS.duplicate(first));
      firstLineOf.set(identity, info.lines);
      rows.push(row);
      lines.push(info.lines);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejected.push({ line: info.lines, reason: error.reason });
    }
  }
  return { rows, lines, rejected };
}
