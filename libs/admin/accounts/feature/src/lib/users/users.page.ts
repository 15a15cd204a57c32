import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSelect } from '@angular/material/select';
import { AdminAccountsApi, ROLES, toApiProblem, type AccountListItem, type Page, type Role } from '@guichet/portal/accounts/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { AdminAccountsTranslatePipe, type AdminAccountsKey } from '../admin-accounts.translations';

const PAGE_SIZE = 20;

/** « Utilisateurs »: search every account; grant and withdraw roles, deactivate and reactivate, send a reset link. */
@Component({
  selector: 'adm-users-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatInput, MatSelect, MatOption, MatButton, MatMenu, MatMenuItem, MatMenuTrigger, AdminAccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'adminAccounts.users.title' | t }}</h1>
    <form class="adm-filters" [formGroup]="filters" (ngSubmit)="search(1)" role="search">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.users.search' | t }}</mat-label>
        <input matInput formControlName="q" type="search" />
        <mat-hint>{{ 'adminAccounts.users.searchHint' | t }}</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.users.role' | t }}</mat-label>
        <mat-select formControlName="role">
          <mat-option value="">{{ 'adminAccounts.users.anyRole' | t }}</mat-option>
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ roleName(role) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="submit">{{ 'adminAccounts.users.submit' | t }}</button>
    </form>
    <div aria-live="polite">
      @if (status(); as message) {
        <p class="adm-status">{{ message }}</p>
      }
    </div>
    @if (error(); as message) {
      <p class="adm-error" role="alert">{{ message }}</p>
    }
    @if (result(); as page) {
      @if (page.items.length === 0) {
        <p>{{ 'adminAccounts.users.none' | t }}</p>
      } @else {
        <table class="adm-table">
          <caption>{{ 'adminAccounts.users.results' | t: { total: page.total } }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'adminAccounts.users.name' | t }}</th>
              <th scope="col">{{ 'adminAccounts.users.username' | t }}</th>
              <th scope="col">{{ 'adminAccounts.users.email' | t }}</th>
              <th scope="col">{{ 'adminAccounts.users.roles' | t }}</th>
              <th scope="col">{{ 'adminAccounts.users.status' | t }}</th>
              <th scope="col">{{ 'adminAccounts.users.actions' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (account of page.items; track account.accountId) {
              <tr>
                <th scope="row">{{ nameOf(account) }}</th>
                <td>{{ account.username }}</td>
                <td>{{ account.email }}</td>
                <td>
                  <ul class="adm-roles">
                    @for (role of account.roles; track role) {
                      <li>
                        {{ roleName(role) }}
                        <button
                          mat-button
                          type="button"
                          [attr.aria-label]="'adminAccounts.users.withdraw' | t: { role: roleName(role), name: nameOf(account) }"
                          (click)="withdraw(account, role)"
                        >
                          ×
                        </button>
                      </li>
                    }
                  </ul>
                </td>
                <td>{{ statusName(account) }}</td>
                <td>
                  <div class="adm-actions">
                    <button
                      mat-stroked-button
                      type="button"
                      [matMenuTriggerFor]="grantMenu"
                      [attr.aria-label]="'adminAccounts.users.grantTo' | t: { name: nameOf(account) }"
                    >
                      {{ 'adminAccounts.users.grant' | t }}
                    </button>
                    <mat-menu #grantMenu="matMenu">
                      @for (role of rolesNotHeld(account); track role) {
                        <button mat-menu-item type="button" (click)="grant(account, role)">{{ roleName(role) }}</button>
                      }
                    </mat-menu>
                    @if (account.status === 'deactivated') {
                      <button mat-stroked-button type="button" (click)="reactivate(account)">{{ 'adminAccounts.users.reactivate' | t }}</button>
                    } @else {
                      <button mat-stroked-button type="button" (click)="deactivate(account)">{{ 'adminAccounts.users.deactivate' | t }}</button>
                    }
                    <button mat-stroked-button type="button" (click)="sendReset(account)">{{ 'adminAccounts.users.sendReset' | t }}</button>
                  </div>
                </td>
              </tr>
            }
          </tbody>
        </table>
        <nav class="adm-pager" [attr.aria-label]="'adminAccounts.users.title' | t">
          <button mat-button type="button" [disabled]="page.page <= 1" (click)="search(page.page - 1)">{{ 'adminAccounts.users.previous' | t }}</button>
          <span>{{ 'adminAccounts.users.page' | t: { page: page.page, pages: pages() } }}</span>
          <button mat-button type="button" [disabled]="page.page >= pages()" (click)="search(page.page + 1)">{{ 'adminAccounts.users.next' | t }}</button>
        </nav>
      }
    }
  `,
  styleUrl: '../shared/admin-page.scss',
})
export class UsersPage implements OnInit {
  private readonly api = inject(AdminAccountsApi);
  private readonly translate = injectTranslate<AdminAccountsKey>();

  protected readonly roles = ROLES;
  protected readonly result = signal<Page<AccountListItem> | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pages = computed(() => {
    const page = this.result();
    return page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  });
  protected readonly filters = inject(FormBuilder).nonNullable.group({ q: [''], role: ['' as Role | ''] });

  ngOnInit(): Promise<void> {
    return this.search(1);
  }

  protected roleName(role: Role): string {
    return this.translate(`adminAccounts.role.${role}`);
  }

  protected statusName(account: AccountListItem): string {
    return this.translate(`adminAccounts.status.${account.status}`);
  }

  protected nameOf(account: AccountListItem): string {
    const name = [account.firstName, account.lastName].filter(Boolean).join(' ');
    return name || account.username || account.email;
  }

  protected rolesNotHeld(account: AccountListItem): readonly Role[] {
    return ROLES.filter((role) => !account.roles.includes(role));
  }

  protected async search(page: number): Promise<void> {
    this.error.set(null);
    const { q, role } = this.filters.getRawValue();
    try {
      this.result.set(await this.api.search({ q: q.trim() || undefined, role: role || undefined, page, pageSize: PAGE_SIZE }));
    } catch (error) {
      this.error.set(toApiProblem(error).detail ?? this.translate('adminAccounts.users.none'));
    }
  }

  protected grant(account: AccountListItem, role: Role): Promise<void> {
    return this.act(() => this.api.grantRole(account.accountId, role));
  }

  protected withdraw(account: AccountListItem, role: Role): Promise<void> {
    return this.act(() => this.api.withdrawRole(account.accountId, role));
  }

  protected deactivate(account: AccountListItem): Promise<void> {
    return this.act(() => this.api.deactivate(account.accountId));
  }

  protected reactivate(account: AccountListItem): Promise<void> {
    return this.act(() => this.api.reactivate(account.accountId));
  }

  protected sendReset(account: AccountListItem): Promise<void> {
    return this.act(() => this.api.sendResetLink(account.accountId), 'adminAccounts.users.resetSent');
  }

  private async act(action: () => Promise<void>, done: AdminAccountsKey = 'adminAccounts.users.done'): Promise<void> {
    this.status.set(null);
    this.error.set(null);
    try {
      await action();
      this.status.set(this.translate(done));
      await this.search(this.result()?.page ?? 1);
    } catch (error) {
      this.error.set(toApiProblem(error).detail ?? this.translate('adminAccounts.users.none'));
    }
  }
}
