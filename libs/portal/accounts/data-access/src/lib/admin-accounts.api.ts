import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { httpParamsOf } from '@guichet/shared/web-http';
import { firstValueFrom } from 'rxjs';
import type { AccountListItem, AccountSearch, AuditEntry, AuditLogSearch, Page, Role, StaffAccountForm, TrainerImportReport } from './accounts.models';

/** The back-office's user administration (`/api/admin/…`); the API checks every permission again. */
@Injectable({ providedIn: 'root' })
export class AdminAccountsApi {
  private readonly http = inject(HttpClient);

  search(search: AccountSearch): Promise<Page<AccountListItem>> {
    return firstValueFrom(
      this.http.get<Page<AccountListItem>>('/api/admin/accounts', {
        params: httpParamsOf({ q: search.q, role: search.role, page: search.page, pageSize: search.pageSize }),
      }),
    );
  }

  createStaffAccount(form: StaffAccountForm): Promise<{ accountId: string }> {
    return firstValueFrom(this.http.post<{ accountId: string }>('/api/admin/accounts', form));
  }

  grantRole(accountId: string, role: Role): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/admin/accounts/${encodeURIComponent(accountId)}/roles`, { role }));
  }

  withdrawRole(accountId: string, role: Role): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(`/api/admin/accounts/${encodeURIComponent(accountId)}/roles/${encodeURIComponent(role)}`),
    );
  }

  deactivate(accountId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/admin/accounts/${encodeURIComponent(accountId)}/deactivation`, {}));
  }

  reactivate(accountId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/admin/accounts/${encodeURIComponent(accountId)}/deactivation`));
  }

  sendResetLink(accountId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/admin/accounts/${encodeURIComponent(accountId)}/reset-links`, {}));
  }

  auditLog(search: AuditLogSearch): Promise<Page<AuditEntry>> {
    return firstValueFrom(
      this.http.get<Page<AuditEntry>>('/api/admin/audit-log', {
        params: httpParamsOf({ accountId: search.accountId, action: search.action, page: search.page, pageSize: search.pageSize }),
      }),
    );
  }

  importTrainers(file: File): Promise<TrainerImportReport> {
    const body = new FormData();
    body.append('file', file, file.name);
    return firstValueFrom(this.http.post<TrainerImportReport>('/api/admin/trainer-imports', body));
  }
}
