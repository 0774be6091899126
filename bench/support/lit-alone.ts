/**
 * The floor under the size bench's "ck-pay-embed alone" row: one LitElement with a reactive
 * property, a template and styles, built the same way. What that row adds to this is the kit's.
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
