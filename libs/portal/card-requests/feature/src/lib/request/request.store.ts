import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  CardRequestsApi,
  toApiProblem,
  type CardRequestDetail,
  type CardRequestReferenceData,
  type TrainerIdentity,
} from '@guichet/portal/card-requests/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import type { CardRequestsKey } from '../card-requests.translations';
import { problemText } from '../shared/problem-text';

/** A message above the tab's content, announced politely (saved, added, removed, duplicate). */
export interface Notice {
  readonly kind: 'ok' | 'warning';
  readonly text: string;
  /** The page it is about: shown there only, so it goes away when the trainer moves on. */
  readonly url: string;
}

/**
 * One request's state shared by its tabs (provided on the request's route, so each request page has
 * its own): the request (null while new), the reference data and the trainer's identity.
 */
@Injectable()
export class RequestStore {
  private readonly api = inject(CardRequestsApi);
  private readonly router = inject(Router);
  private readonly translate = injectTranslate<CardRequestsKey>();

  readonly request = signal<CardRequestDetail | null>(null);
  readonly reference = signal<CardRequestReferenceData | null>(null);
  readonly trainer = signal<TrainerIdentity | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly loaded = signal(false);
  readonly notices = signal<readonly Notice[]>([]);

  readonly editable = computed(() => {
    const request = this.request();
    return request === null || request.editable;
  });

  /** `id` null: a new request (« Ajouter »). The same request again is refreshed in place. */
  async load(id: string | null): Promise<void> {
    const same = id !== null && this.loaded() && this.request()?.id === id;
    if (!same) {
      this.loaded.set(false);
      this.request.set(null);
    }
    this.loadError.set(null);
    try {
      const [reference, trainer, request] = await Promise.all([
        this.reference() ?? this.api.referenceData(),
        this.trainer() ?? this.api.me(),
        id === null ? Promise.resolve(null) : this.api.request(id),
      ]);
      this.reference.set(reference);
      this.trainer.set(trainer);
      this.request.set(request);
      this.loaded.set(true);
    } catch (error) {
      this.loadError.set(problemText(toApiProblem(error), this.translate));
    }
  }

  async reload(): Promise<CardRequestDetail | null> {
    const id = this.request()?.id;
    if (!id) return null;
    const request = await this.api.request(id);
    this.request.set(request);
    return request;
  }

  /** Shows messages on the page at `url` (the current one by default). */
  notify(notices: readonly Omit<Notice, 'url'>[], url: string = this.router.url): void {
    this.notices.set(notices.map((notice) => ({ ...notice, url })));
  }

  clearNotices(): void {
    if (this.notices().length > 0) this.notices.set([]);
  }
}
