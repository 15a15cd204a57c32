import { Pipe } from '@angular/core';
import { TranslatePipe } from '@guichet/shared/ui';
import type { PortalKey } from './portal.translations';

/** The kit's `t` pipe, typed to the portal's keys so a misspelt key fails the build. */
@Pipe({ name: 't', pure: false })
export class PortalTranslatePipe extends TranslatePipe<PortalKey> {}
