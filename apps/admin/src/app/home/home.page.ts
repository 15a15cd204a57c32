import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatList, MatListItem } from '@angular/material/list';
import { AdminAccountsNavComponent } from '@guichet/admin/accounts/feature';
import { AdminFinanceNavComponent } from '@guichet/admin/billing/feature';
import { AdminCardDeskNavComponent } from '@guichet/admin/card-requests/feature';
import { AdminTranslatePipe } from '../admin-translate.pipe';
import type { AdminKey } from '../admin.translations';

const SERVICES: readonly AdminKey[] = ['home.cardRequests', 'home.registrations', 'home.examinations', 'home.seats'];

@Component({
  selector: 'adm-home-page',
  imports: [MatList, MatListItem, AdminTranslatePipe, AdminAccountsNavComponent, AdminCardDeskNavComponent, AdminFinanceNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'home.title' | t }}</h1>
    <p>{{ 'home.intro' | t }}</p>
    <h2>{{ 'home.services' | t }}</h2>
    <mat-list role="list" data-testid="services">
      @for (service of services; track service) {
        <mat-list-item role="listitem">{{ service | t }}</mat-list-item>
      }
    </mat-list>
    <adm-accounts-nav />
    <adm-card-desk-nav />
    <adm-finance-nav />
  `,
})
export class HomePage {
  protected readonly services = SERVICES;
}
