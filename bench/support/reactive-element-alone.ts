/**
 * The floor under the size bench's "ck-pay-embed alone" row: Lit's own base without lit-html,
 * one ReactiveElement with a reactive property and styles whose one node is made once and set in
 * `update()`, as `ck-pay-embed` does. What that row adds to this is the kit's.
 */
import { ReactiveElement, css, type PropertyValues } from '@lit/reactive-element';

class ReactiveElementAlone extends ReactiveElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  static override properties = { label: { attribute: 'label' } };
  label = '';
  private readonly paragraph = document.createElement('p');

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(this.paragraph);
    return root;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.paragraph.textContent = this.label;
  }
}

customElements.define('reactive-element-alone', ReactiveElementAlone);
