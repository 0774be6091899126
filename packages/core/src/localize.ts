import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import {
  formatMessage,
  type ValidationCatalog,
  type ValidationIssue,
} from '@checkr-kit/validation';
import { enShared } from './translations/en-shared.ts';
import type { TermKey, TermParams, Translation } from './translations/types.ts';

const translations = new Map<string, Translation>([['en', enShared]]);
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
/** Building an `Intl.DateTimeFormat` is slow (milliseconds on a phone): one per language and options. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Makes a language available, or adds words to one: registrations for a locale merge, so each
 * package brings only what it uses. English is built in for every component; import and register
 * `es` (or your own language) to add one.
 */
export function registerTranslation(...list: Translation[]): void {
  for (const translation of list) {
    const locale = translation.locale.toLowerCase();
    const existing = translations.get(locale);
    translations.set(locale, {
      ...existing,
      ...translation,
      terms: { ...existing?.terms, ...translation.terms },
      validation: translation.validation ?? existing?.validation,
    });
  }
  for (const controller of connected) controller.host.requestUpdate();
}

/** The nearest `lang`, walking out of shadow roots; the document's when none is closer. */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

function translationFor(lang: string): Translation {
  const wanted = lang.toLowerCase();
  return (
    translations.get(wanted) ?? translations.get(wanted.split('-')[0]!) ?? translations.get('en')!
  );
}

const english = () => translations.get('en')!;

/**
 * Follows the nearest `lang` (Shoelace's pattern): when any `lang` attribute in the document
 * changes, every connected component re-renders in its language. Words only: what the Pay embed
 * needs; the fields and the flow use `FormLocalizeController`.
 */
export class LocalizeController implements ReactiveController {
  constructor(readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    if (!observer) {
      observer = new MutationObserver(() => {
        for (const controller of connected) controller.host.requestUpdate();
      });
      observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
        subtree: true,
      });
    }
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (connected.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  get lang(): string {
    return resolveLang(this.host);
  }

  get translation(): Translation {
    return translationFor(this.lang);
  }

  /** A word in the element's language; English where that language lacks it. */
  term(key: TermKey, params: TermParams = {}): string {
    const term = this.translation.terms[key] ?? english().terms[key];
    if (term === undefined) return key;
    return typeof term === 'function' ? term(params) : term;
  }
}

/**
 * The fields' and the flow's localization: the words, and the validation catalog, the message for
 * an error code and dates, in the element's language. A subclass, so a page with the Pay embed
 * alone does not download the catalog machinery.
 */
export class FormLocalizeController extends LocalizeController {
  /**
   * The language, looked up once per update (a `lang` changing requests one) rather than on
   * every word: the walk out of the shadow roots, a dozen times per field, was about 3.5% of a
   * form's first render. Here, not in the Pay embed's controller, which looks up a few words.
   */
  private resolved: string | undefined;

  override hostConnected(): void {
    this.resolved = undefined;
    super.hostConnected();
  }

  hostUpdate(): void {
    this.resolved = undefined;
  }

  override get lang(): string {
    return (this.resolved ??= super.lang);
  }

  /** The validation catalog (messages, licence hints, state names) in the element's language. */
  get validation(): ValidationCatalog {
    return (this.translation.validation ?? english().validation)!;
  }

  /**
   * The candidate-facing message for an error code: validation codes from the validation catalog,
   * the components' own codes (such as `acknowledge_required`) from the terms.
   */
  message(issue: ValidationIssue | { code: string; params?: TermParams }): string {
    const validation = this.translation.validation ?? english().validation;
    if (validation && issue.code in validation.messages) {
      return formatMessage(validation, issue as ValidationIssue);
    }
    if (issue.code in this.translation.terms || issue.code in english().terms) {
      return this.term(issue.code as TermKey, issue.params ?? {});
    }
    return this.term('error_generic');
  }

  date(value: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const key = `${this.lang} ${JSON.stringify(options)}`;
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.lang, options);
      dateFormats.set(key, format);
    }
    return format.format(value);
  }
}
