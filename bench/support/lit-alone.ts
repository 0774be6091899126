/**
 * The size bench's Lit floor: one LitElement with a reactive property, a template and styles,
 * built the same way as the kit's rows. Against "ReactiveElement alone", what lit-html costs.
 */
import { LitElement, css, html } from 'lit';

class LitAlone extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  static override properties = { label: { attribute: 'label' } };
  label = '';
  override render() {
    return html`<p>${this.label}</p>`;
  }
}

customElements.define('lit-alone', LitAlone);
