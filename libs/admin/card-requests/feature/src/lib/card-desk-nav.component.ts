import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ADMIN_CARD_REQUESTS_PATHS } from './admin-card-requests.routes';
import { CARD_DESK_ACCESS } from './card-desk-access';
import { CardDeskNavTranslatePipe } from './card-desk-nav.translations';

/** « Demandes de cartes »: links to the card desk, shown to staff holding `card-clerk` or `finance`. */
@Component({
  selector: 'adm-card-desk-nav',
  imports: [RouterLink, CardDeskNavTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (access.canRead()) {
      <nav [attr.aria-label]="'adminCards.nav.label' | t">
        <h2>{{ 'adminCards.nav.label' | t }}</h2>
        <ul>
          <li><a [routerLink]="paths.queue">{{ 'adminCards.queue.title' | t }}</a></li>
          <li><a [routerLink]="paths.participants">{{ 'adminCards.participants.title' | t }}</a></li>
          <li><a [routerLink]="paths.referenceData">{{ 'adminCards.reference.title' | t }}</a></li>
        </ul>
      </nav>
    }
  `,
  styles: `
    a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class AdminCardDeskNavComponent {
  protected readonly access = inject(CARD_DESK_ACCESS);
  protected readonly paths = ADMIN_CARD_REQUESTS_PATHS;
}
