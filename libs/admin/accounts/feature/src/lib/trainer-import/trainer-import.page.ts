import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { AdminAccountsApi, toApiProblem, type TrainerImportReport, type TrainerImportRow } from '@guichet/portal/accounts/data-access';
import { I18n, injectTranslate } from '@guichet/shared/ui';
import { AdminAccountsTranslatePipe, type AdminAccountsKey } from '../admin-accounts.translations';

/**
 * Imports the registry of certified trainers (CSV). Each row creates or updates a trainer account; the
 * report says row by row what happened, and why a rejected row was rejected.
 */
@Component({
  selector: 'adm-trainer-import-page',
  imports: [MatButton, AdminAccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'adminAccounts.import.title' | t }}</h1>
    <p>{{ 'adminAccounts.import.intro' | t }}</p>
    <form (submit)="submit($event)" novalidate>
      @if (error(); as message) {
        <p class="adm-error" role="alert">{{ message }}</p>
      }
      <p>
        <label for="adm-registry-file">{{ 'adminAccounts.import.file' | t }}</label>
        <br />
        <input id="adm-registry-file" type="file" accept=".csv,text/csv" (change)="choose($event)" />
      </p>
      <button mat-flat-button type="submit" [disabled]="busy()">{{ 'adminAccounts.import.submit' | t }}</button>
    </form>
    <div aria-live="polite">
      @if (report(); as r) {
        <p class="adm-status" data-testid="import-summary">
          {{ 'adminAccounts.import.summary' | t: { created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected } }}
        </p>
      }
    </div>
    @if (report(); as r) {
      <table class="adm-table">
        <caption>{{ 'adminAccounts.import.title' | t }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ 'adminAccounts.import.line' | t }}</th>
            <th scope="col">{{ 'adminAccounts.import.outcome' | t }}</th>
            <th scope="col">{{ 'adminAccounts.import.username' | t }}</th>
            <th scope="col">{{ 'adminAccounts.import.reason' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of r.rows; track row.line) {
            <tr>
              <th scope="row">{{ row.line }}</th>
              <td>{{ outcome(row) }}</td>
              <td>{{ row.username }}</td>
              <td>{{ reason(row) }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styleUrl: '../shared/admin-page.scss',
})
export class TrainerImportPage {
  private readonly api = inject(AdminAccountsApi);
  private readonly i18n = inject(I18n);
  private readonly translate = injectTranslate<AdminAccountsKey>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly report = signal<TrainerImportReport | null>(null);
  private file: File | null = null;

  protected choose(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.item(0) ?? null;
  }

  protected outcome(row: TrainerImportRow): string {
    return this.translate(`adminAccounts.import.${row.outcome}`);
  }

  /** The rejection reason arrives in both languages; the column name, when known, comes first. */
  protected reason(row: TrainerImportRow): string {
    if (!row.error) return '';
    const text = this.i18n.language() === 'en' ? row.error.en : row.error.fr;
    return row.error.field ? `${row.error.field} : ${text}` : text;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.error.set(null);
    if (!this.file) {
      this.error.set(this.translate('adminAccounts.import.fileRequired'));
      return;
    }
    this.busy.set(true);
    try {
      this.report.set(await this.api.importTrainers(this.file));
    } catch (error) {
      this.error.set(toApiProblem(error).detail ?? this.translate('adminAccounts.import.fileRequired'));
    } finally {
      this.busy.set(false);
    }
  }
}
