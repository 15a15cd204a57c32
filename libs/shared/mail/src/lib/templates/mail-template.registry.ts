import type { MailTemplate } from './mail-template';

/** Thrown for a template name nobody registered (in this process). */
export class UnknownMailTemplate extends Error {
  constructor(readonly template: string) {
    super(`Mail template "${template}" is not registered (MailModule.forFeature([...]) in the context's module)`);
    this.name = 'UnknownMailTemplate';
  }
}

/** Every template of the process, by name. Contexts add theirs with `MailModule.forFeature`. */
export class MailTemplateRegistry {
  private readonly templates = new Map<string, MailTemplate>();

  constructor(templates: readonly MailTemplate[] = []) {
    this.register(templates);
  }

  /** Registering the same template object again is harmless; another one under a taken name throws. */
  register(templates: readonly MailTemplate[]): void {
    for (const template of templates) {
      const existing = this.templates.get(template.name);
      if (existing && existing !== template) throw new Error(`Two different mail templates are named "${template.name}"`);
      this.templates.set(template.name, template);
    }
  }

  /** @throws UnknownMailTemplate */
  get(name: string): MailTemplate {
    const template = this.templates.get(name);
    if (!template) throw new UnknownMailTemplate(name);
    return template;
  }

  names(): string[] {
    return [...this.templates.keys()].sort();
  }
}
