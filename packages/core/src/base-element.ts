import { LitElement, css } from 'lit';
import { LocalizeController } from './localize.ts';
import { installReactNativeBridge } from './rn-bridge.ts';
import { sliceSpent } from './slices.ts';
import { installTokens } from './tokens.styles.ts';

/** Styles every kit element shares: the box model, the font, and the visually-hidden utility. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--ck-font-family);
    font-size: var(--ck-font-size-m);
    line-height: var(--ck-line-height);
    color: var(--ck-color-text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** The kit's buttons: primary by default, `.secondary` outlined, a visible focus ring, busy state. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-weight: var(--ck-font-weight-strong);
    min-height: var(--ck-control-height);
    padding: 0 var(--ck-space-xl);
    border-radius: var(--ck-radius-s);
    border: 2px solid var(--ck-color-brand);
    background: var(--ck-color-brand);
    color: var(--ck-color-on-brand);
    cursor: pointer;
  }
  button.secondary {
    background: var(--ck-color-surface);
    color: var(--ck-color-brand);
  }
  button:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--ck-focus-ring);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
`;

/** Text-like buttons (accept a suggestion, clear a drawing): class `link`, with a focus ring. */
export const linkButtonStyles = css`
  button.link {
    font: inherit;
    color: var(--ck-color-brand);
    background: none;
    border: 0;
    padding: var(--ck-space-xs) 0;
    text-decoration: underline;
    cursor: pointer;
    min-height: 2rem;
  }
  button.link:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--ck-focus-ring);
  }
`;

/** The one base class of every `ck-*` element: design tokens and localization. */
export class CkElement extends LitElement {
  static override styles = [baseStyles];

  protected readonly localize = new LocalizeController(this);

  override connectedCallback(): void {
    installTokens(this.ownerDocument);
    installReactNativeBridge(this.ownerDocument);
    super.connectedCallback();
  }

  /** Starts the clock of this task's rendering (slices.ts) before any field renders. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    sliceSpent();
    return super.scheduleUpdate();
  }

  /**
   * Complete once the kit elements this one rendered have rendered too: fields of a long step
   * render for the first time in later tasks (slices.ts).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const firstRenders = [...this.renderRoot.querySelectorAll('*')].filter(
      (el): el is CkElement => el instanceof CkElement && !el.hasUpdated,
    );
    await Promise.allSettled(firstRenders.map((el) => el.updateComplete));
    return result;
  }
}

/**
 * `customElements.define` that tolerates the kit being loaded twice on one page (a script tag and
 * an npm bundle, say): the first definition wins and the second is a no-op instead of a throw.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
