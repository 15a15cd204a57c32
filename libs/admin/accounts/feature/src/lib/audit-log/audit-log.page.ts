import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { AdminAccountsApi, toApiProblem, type AuditEntry, type Page } from '@guichet/portal/accounts/data-access';
import { I18n, injectTranslate } from '@guichet/shared/ui';
import { AdminAccountsTranslatePipe, type AdminAccountsKey } from '../admin-accounts.translations';
import { isAuditAction } from './audit-actions';

/** The security audit log, newest first (sign-ins, resets, password and e-mail changes, role changes). */
@Component({
  selector: 'adm-audit-log-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatButton, AdminAccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'adminAccounts.audit.title' | t }}</h1>
    <form class="adm-filters" [formGroup]="filters" (ngSubmit)="search(1)" role="search">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.audit.action' | t }}</mat-label>
        <input matInput formControlName="action" placeholder="sign-in-failed" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.audit.accountId' | t }}</mat-label>
        <input matInput formControlName="accountId" />
      </mat-form-field>
      <button mat-flat-button type="submit">{{ 'adminAccounts.users.submit' | t }}</button>
    </form>
    @if (error(); as message) {
      <p class="adm-error" role="alert">{{ message }}</p>
    }
    @if (result(); as page) {
      <table class="adm-table">
        <caption>{{ 'adminAccounts.users.page' | t: { page: page.page, pages: pages() } }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ 'adminAccounts.audit.when' | t }}</th>
            <th scope="col">{{ 'adminAccounts.audit.action' | t }}</th>
            <th scope="col">{{ 'adminAccounts.audit.account' | t }}</th>
            <th scope="col">{{ 'adminAccounts.audit.actor' | t }}</th>
            <th scope="col">{{ 'adminAccounts.audit.identifier' | t }}</th>
            <th scope="col">{{ 'adminAccounts.audit.ip' | t }}</th>
            <th scope="col">{{ 'adminAccounts.audit.details' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of page.items; track entry.id) {
            <tr>
              <td>{{ when(entry) }}</td>
              <td>{{ actionLabel(entry.action) }}</td>
              <td>{{ entry.accountId }}</td>
              <td>{{ entry.actorId }}</td>
              <td>{{ entry.identifier }}</td>
              <td>{{ entry.ip }}</td>
              <td>{{ details(entry) }}</td>
            </tr>
          }
        </tbody>
      </table>
      <nav class="adm-pager" [attr.aria-label]="'adminAccounts.audit.title' | t">
        <button mat-button type="button" [disabled]="page.page <= 1" (click)="search(page.page - 1)">{{ 'adminAccounts.users.previous' | t }}</button>
        <button mat-button type="button" [disabled]="page.page >= pages()" (click)="search(page.page + 1)">{{ 'adminAccounts.users.next' | t }}</button>
      </nav>
    }
  `,
  styleUrl: '../shared/admin-page.scss',
})
export class AuditLogPage implements OnInit {
  private readonly api = inject(AdminAccountsApi);
  private readonly translate = injectTranslate<AdminAccountsKey>();
  private readonly i18n = inject(I18n);

  protected readonly result = signal<Page<AuditEntry> | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pages = computed(() => {
    const page = this.result();
    return page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  });
  protected readonly filters = inject(FormBuilder).nonNullable.group({ action: [''], accountId: [''] });

  ngOnInit(): Promise<void> {
    return this.search(1);
  }

  /** In the UI's language, through Intl (Angular's own locale data is not bundled). */
  protected when(entry: AuditEntry): string {
    return new Date(entry.occurredAt).toLocaleString(this.i18n.language() === 'fr' ? 'fr-CA' : 'en-CA');
  }

  /** A code this build does not know yet (a newer API) shows as is rather than as a missing key. */
  protected actionLabel(action: string): string {
    return isAuditAction(action) ? this.translate(`adminAccounts.auditAction.${action}`) : action;
  }

  protected details(entry: AuditEntry): string {
    return Object.entries(entry.details)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ');
  }

  protected async search(page: number): Promise<void> {
    this.error.set(null);
    const { action, accountId } = this.filters.getRawValue();
    try {
      this.result.set(await this.api.auditLog({ action: action.trim() || undefined, accountId: accountId.trim() || undefined, page, pageSize: 50 }));
    } catch (error) {
      this.error.set(toApiProblem(error).detail ?? this.translate('adminAccounts.users.none'));
    }
  }
}
