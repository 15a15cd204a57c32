import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';

/** One CSV row as read, untrimmed strings; the controller parses the file, the handler validates. */
export interface TrainerRegistryRow {
  /** 1-based line in the file (the header is line 1), echoed in the report. */
  readonly line: number;
  readonly cardNumber: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly email: string;
  /** `YYYY-MM-DD`. */
  readonly certificationExpiresOn: string;
}

export type TrainerImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface TrainerImportRowResult {
  readonly line: number;
  readonly outcome: TrainerImportOutcome;
  /** Set unless rejected. */
  readonly accountId: string | null;
  readonly username: string | null;
  /** Why a row was rejected: the domain error's code and messages (`field` names the column). */
  readonly error: { readonly code: string; readonly fr: string; readonly en: string; readonly field: string | null } | null;
}

export interface TrainerImportReport {
  readonly rows: readonly TrainerImportRowResult[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

/**
 * Back-office (`accounts.import-trainers`): imports the registry of certified trainers. Each row is
 * its own transaction: a bad row is rejected with its reason and the good ones are kept. A new
 * trainer (or an existing account gaining a card without a password yet) is mailed a link to set a
 * password. Throws only `PermissionDenied`.
 */
export class ImportTrainerRegistry extends Command<TrainerImportReport> {
  constructor(
    readonly actorId: string,
    readonly rows: readonly TrainerRegistryRow[],
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
