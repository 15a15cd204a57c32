import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { toApiProblem } from '@guichet/shared/web-http';
import { CardDeskApi } from '../data-access/card-desk-api.service';
import type { ParticipantImportReport } from '../data-access/card-requests.models';
import { CardDeskTranslatePipe, injectCardDeskFormat } from '../shared/card-desk-format';

/**
 * « Importer des participants (CSV) » into a draft request: a spreadsheet file, then a row-by-row
 * report (how many were imported, and each rejected line with its reason).
 */
@Component({
  selector: 'adm-import-participants',
  imports: [MatButton, CardDeskTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="adm-import-title">
      <h3 id="adm-import-title">{{ 'adminCards.import.title' | t }}</h3>
      <p id="adm-import-hint">{{ 'adminCards.import.hint' | t }}</p>
      <form (submit)="$event.preventDefault(); submit()" novalidate>
        @if (error(); as message) {
          <p class="cd-error" role="alert" tabindex="-1" data-form-error id="adm-import-error">{{ message }}</p>
        }
        <p>
          <label for="adm-import-file">{{ 'adminCards.import.file' | t }}</label><br />
          <input
            id="adm-import-file"
            type="file"
            accept=".csv,text/csv"
            [attr.aria-describedby]="error() ? 'adm-import-hint adm-import-error' : 'adm-import-hint'"
            [attr.aria-invalid]="error() ? 'true' : null"
            (change)="choose($event)"
          />
        </p>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'adminCards.import.submit' | t }}</button>
      </form>
      <div aria-live="polite">
        @if (report(); as report) {
          <p class="cd-status" tabindex="-1" data-import-report data-testid="import-report">
            {{ 'adminCards.import.imported' | t: { count: report.imported } }}
            @if (report.rejected.length > 0) {
              {{ 'adminCards.import.rejectedCount' | t: { count: report.rejected.length } }}
            }
          </p>
        }
      </div>
      @if (report(); as report) {
        @if (report.rejected.length > 0) {
          <table class="cd-table" data-testid="import-rejected">
            <caption>{{ 'adminCards.import.rejected' | t }}</caption>
            <thead>
              <tr>
                <th scope="col" class="cd-num">{{ 'adminCards.import.line' | t }}</th>
                <th scope="col">{{ 'adminCards.import.reason' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of report.rejected; track $index) {
                <tr>
                  <th scope="row" class="cd-num">{{ row.line }}</th>
                  <td>{{ row.reason }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
    </section>
  `,
  styleUrl: '../shared/card-desk-page.scss',
})
export class ImportParticipantsComponent {
  private readonly api = inject(CardDeskApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectCardDeskFormat();

  readonly requestId = input.required<string>();
  readonly imported = output<ParticipantImportReport>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly report = signal<ParticipantImportReport | null>(null);
  private file: File | null = null;

  protected choose(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.item(0) ?? null;
    this.error.set(null);
  }

  protected async submit(): Promise<void> {
    this.error.set(null);
    this.report.set(null);
    if (!this.file) {
      this.error.set(this.f.t('adminCards.import.noFile'));
      this.focus('#adm-import-file');
      return;
    }
    this.busy.set(true);
    try {
      const report = await this.api.importParticipants(this.requestId(), await this.file.text());
      this.report.set(report);
      this.imported.emit(report);
      this.focus('[data-import-report]');
    } catch (error) {
      const problem = toApiProblem(error);
      this.error.set(problem.errors.map((e) => e.message).join(' ') || problem.detail || this.f.t('adminCards.errors.generic'));
      this.focus('#adm-import-file');
    } finally {
      this.busy.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
