import { Pipe } from '@angular/core';
import { TranslatePipe } from '@guichet/shared/ui';
import type { AdminKey } from './admin.translations';

/** The kit's `t` pipe, typed to the back-office's keys so a misspelt key fails the build. */
@Pipe({ name: 't', pure: false })
export class AdminTranslatePipe extends TranslatePipe<AdminKey> {}
