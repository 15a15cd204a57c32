import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { UserMenuComponent } from '@guichet/portal/accounts/feature';
import { AppShellComponent } from '@guichet/shared/ui';

@Component({
  selector: 'portal-root',
  imports: [AppShellComponent, RouterOutlet, UserMenuComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ui-app-shell><acc-user-menu uiShellActions /><router-outlet /></ui-app-shell>`,
})
export class AppComponent {}
