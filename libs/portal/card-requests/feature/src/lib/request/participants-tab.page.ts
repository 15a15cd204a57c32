import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { CardRequestsApi, toApiProblem, type Participant, type ParticipantTitle } from '@guichet/portal/card-requests/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { CardRequestsTranslatePipe, type CardRequestsKey } from '../card-requests.translations';
import { CARD_REQUEST_PATHS } from '../shared/card-request-paths';
import { DayPipe } from '../shared/format';
import { problemText } from '../shared/problem-text';
import { RequestStore } from './request.store';

/**
 * « Liste des participants » (manual 000, « Vérification »): a participant's name opens their form,
 * « Ajouter », « Supprimer » in the « Suppression » column, « Retour à la session ». Possible
 * duplicates (same name and birth date on another of the trainer's requests) are flagged.
 */
@Component({
  selector: 'crd-participants-tab',
  imports: [RouterLink, MatButton, MatAnchor, CardRequestsTranslatePipe, DayPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ 'cards.tabs.participants' | t }}</h2>
    @if (error(); as message) {
      <p class="crd-error" role="alert" tabindex="-1" data-list-error>{{ message }}</p>
    }
    @if (request(); as r) {
      @if (r.participants.length === 0) {
        <p class="crd-notice" data-testid="participants-empty">{{ 'cards.participants.empty' | t }}</p>
      } @else {
        <div class="crd-scroll">
          <table class="crd-table" data-testid="participants">
            <caption class="crd-visually-hidden">{{ 'cards.participants.caption' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'cards.field.title' | t }}</th>
                <th scope="col">{{ 'cards.field.firstName' | t }}</th>
                <th scope="col">{{ 'cards.field.lastName' | t }}</th>
                <th scope="col">{{ 'cards.field.birthDate' | t }}</th>
                <th scope="col">{{ 'cards.field.phone' | t }}</th>
                <th scope="col">{{ 'cards.field.extension' | t }}</th>
                @if (r.editable) {
                  <th scope="col">{{ 'cards.participants.removal' | t }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (p of r.participants; track p.id) {
                <tr class="crd-clickable" [attr.data-participant]="p.id" (click)="openRow($event, p)">
                  <td>{{ titleKey(p.title) | t }}</td>
                  <td>{{ p.firstName }}</td>
                  <th scope="row">
                    <a [routerLink]="paths.participant(r.id, p.id)" [attr.aria-label]="'cards.participants.edit' | t: { name: fullName(p) }">{{
                      p.lastName
                    }}</a>
                    @if (p.duplicateOf.length > 0) {
                      <span class="crd-duplicate" data-testid="duplicate">{{ 'cards.participants.duplicate' | t: { numbers: numbers(p) } }}</span>
                    }
                  </th>
                  <td>{{ p.birthDate | day }}</td>
                  <td>{{ p.phone }}</td>
                  <td>{{ p.extension ?? '' }}</td>
                  @if (r.editable) {
                    <td>
                      <button
                        matButton
                        type="button"
                        [disabled]="busy() === p.id"
                        [attr.aria-label]="'cards.participants.removeOf' | t: { name: fullName(p) }"
                        (click)="remove($event, p)"
                      >
                        {{ 'cards.participants.remove' | t }}
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <div class="crd-actions">
        @if (r.editable) {
          <a matButton="filled" [routerLink]="paths.newParticipant(r.id)">{{ 'cards.participants.add' | t }}</a>
        }
        <a matButton="outlined" [routerLink]="paths.request(r.id)">{{ 'cards.participants.back' | t }}</a>
      </div>
    }
  `,
  styleUrl: '../shared/card-requests-page.scss',
  styles: `
    .crd-clickable {
      cursor: pointer;
    }
    .crd-clickable:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .crd-duplicate {
      display: block;
      font-weight: 400;
      font-size: 0.875em;
      color: var(--mat-sys-error);
    }
  `,
})
export class ParticipantsTabPage {
  private readonly api = inject(CardRequestsApi);
  private readonly store = inject(RequestStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<CardRequestsKey>();

  protected readonly paths = CARD_REQUEST_PATHS;
  protected readonly request = computed(() => this.store.request());
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected titleKey(title: ParticipantTitle): CardRequestsKey {
    return `cards.title.${title}`;
  }

  protected fullName(p: Participant): string {
    return `${p.firstName} ${p.lastName}`;
  }

  protected numbers(p: Participant): string {
    return p.duplicateOf.map((d) => d.number).join(', ');
  }

  /** A click anywhere on the row opens the participant (the name's link is the keyboard's way). */
  protected openRow(event: MouseEvent, p: Participant): void {
    const target = event.target as HTMLElement | null;
    if (target?.closest('a, button')) return;
    (this.host.nativeElement.querySelector(`tr[data-participant="${CSS.escape(p.id)}"] a`) as HTMLElement | null)?.click();
  }

  protected async remove(event: Event, p: Participant): Promise<void> {
    event.stopPropagation();
    const request = this.request();
    if (!request || this.busy()) return;
    this.busy.set(p.id);
    this.error.set(null);
    try {
      await this.api.removeParticipant(request.id, p.id);
      await this.store.reload();
      this.store.notify([{ kind: 'ok', text: this.translate('cards.participants.removed', { name: this.fullName(p) }) }]);
      // The row is gone: the keyboard goes to the tab's heading rather than to the page's start.
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('a, button')?.focus(), { injector: this.injector });
    } catch (error) {
      this.error.set(problemText(toApiProblem(error), this.translate));
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-list-error]')?.focus(), { injector: this.injector });
    } finally {
      this.busy.set(null);
    }
  }
}
