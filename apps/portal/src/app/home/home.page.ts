import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { PortalTranslatePipe } from '../portal-translate.pipe';
import type { PortalKey } from '../portal.translations';

interface ServiceSummary {
  readonly name: PortalKey;
  readonly description: PortalKey;
}

/** The four services the platform brings together, one per bounded context facing the public. */
const SERVICES: readonly ServiceSummary[] = [
  { name: 'home.cardRequests.name', description: 'home.cardRequests.description' },
  { name: 'home.registrations.name', description: 'home.registrations.description' },
  { name: 'home.examinations.name', description: 'home.examinations.description' },
  { name: 'home.seats.name', description: 'home.seats.description' },
];

@Component({
  selector: 'portal-home-page',
  imports: [MatCard, MatCardHeader, MatCardTitle, MatCardContent, PortalTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'home.title' | t }}</h1>
    <p class="intro">{{ 'home.intro' | t }}</p>
    <h2>{{ 'home.services' | t }}</h2>
    <ul class="services" data-testid="services">
      @for (service of services; track service.name) {
        <li>
          <mat-card appearance="outlined" class="service">
            <mat-card-header>
              <h3 matCardTitle>{{ service.name | t }}</h3>
            </mat-card-header>
            <mat-card-content>
              <p>{{ service.description | t }}</p>
            </mat-card-content>
          </mat-card>
        </li>
      }
    </ul>
  `,
  styles: `
    .intro {
      max-width: 48rem;
    }
    .services {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .service {
      height: 100%;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
  `,
})
export class HomePage {
  protected readonly services = SERVICES;
}
