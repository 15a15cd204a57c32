import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AppShellComponent } from '@guichet/shared/ui';

@Component({
  selector: 'portal-root',
  imports: [AppShellComponent, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ui-app-shell><router-outlet /></ui-app-shell>`,
})
export class AppComponent {}
