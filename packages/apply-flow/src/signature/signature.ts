import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import {
  CkElement,
  baseStyles,
  defineElement,
  linkButtonStyles,
  type ApplyDocument,
} from '@checkr-kit/core';
import { SIGNATURE_IMAGE_SIZE, normalizeSignatureName } from '@checkr-kit/validation';
import type { CkTextField } from '../text-field/text-field.ts';
import '../text-field/text-field.ts';
import type { CkCheckbox } from '../checkbox/checkbox.ts';
import { renderDocumentBody } from '../disclosure/document-body.ts';
import { signatureStyles } from './signature.styles.ts';
import '../checkbox/checkbox.ts';

/** A stroke as points in 0..1 of the pad's width and height, so it survives resize and rotation. */
type Stroke = Array<[number, number]>;

export interface SignatureValue {
  signature_name: string;
  esign_consent: true;
  drawn_signature?: string;
}

const { width: EXPORT_WIDTH, height: EXPORT_HEIGHT } = SIGNATURE_IMAGE_SIZE;

/**
 * The ESIGN step: the authorization text, the typed full name (required; it must match the first
 * and last name given, ignoring case, spacing and accents), an explicit consent to sign
 * electronically, today's date, and an optional drawn signature. Keyboard and screen-reader users
 * never need the drawing pad: the typed name is the signature.
 *
 * @tagname ck-signature
 * @summary Typed e-signature with consent and an optional drawn signature.
 * @csspart pad - The drawing canvas.
 * @event change - The typed name, the consent or the drawing changed.
 */
export class CkSignature extends CkElement {
  static override styles = [baseStyles, linkButtonStyles, signatureStyles];

  static override properties: PropertyDeclarations = {
    authorization: { attribute: false },
    expectedNames: { attribute: false },
    date: { attribute: false },
    strokes: { state: true },
  };

  authorization: ApplyDocument | undefined;
  /** The candidate's names as entered ("Ana Ruiz", "Ana María Ruiz"): the typed name must match one. */
  expectedNames: string[] = [];
  /** The date shown; defaults to today. */
  date: Date | undefined;

  private strokes: Stroke[] = [];
  private drawing: Stroke | undefined;
  private resizeObserver: ResizeObserver | undefined;

  private get canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector<HTMLCanvasElement>('canvas');
  }
  private get nameField(): CkTextField | null {
    return this.renderRoot.querySelector<CkTextField>('#name');
  }
  private get esign(): CkCheckbox | null {
    return this.renderRoot.querySelector<CkCheckbox>('#esign');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.redraw());
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    super.disconnectedCallback();
  }

  override firstUpdated(): void {
    if (this.canvas) this.resizeObserver?.observe(this.canvas);
  }

  /** Whether the candidate drew anything. */
  get hasDrawing(): boolean {
    return this.strokes.some((s) => s.length > 0);
  }

  private nameMatches = (value: string) => {
    const typed = normalizeSignatureName(value);
    const ok = typed !== '' && this.expectedNames.some((n) => normalizeSignatureName(n) === typed);
    return ok
      ? ({ ok: true, value } as const)
      : ({
          ok: false,
          errors: [{ code: 'signature_name_mismatch', pointer: '/signature_name' }],
        } as never);
  };

  /** Shows the errors of the typed name and the consent; `undefined` while anything is missing. */
  value(): SignatureValue | undefined {
    const nameOk = this.nameField?.reportValidity() ?? false;
    const esignOk = this.esign?.reportValidity() ?? false;
    if (!nameOk || !esignOk) {
      (nameOk ? this.esign : this.nameField)?.focus();
      return undefined;
    }
    return {
      signature_name: this.nameField!.value.trim(),
      esign_consent: true,
      ...(this.hasDrawing ? { drawn_signature: this.toPng() } : {}),
    };
  }

  /** Shows an error the server found on the typed name. */
  setNameError(code: string): void {
    this.nameField?.setServerIssue({ code, pointer: '/signature_name' });
    this.nameField?.focus();
  }

  /** The drawing as a PNG of fixed size, whatever the pad's size on screen was. */
  toPng(): string {
    const canvas = document.createElement('canvas');
    canvas.width = EXPORT_WIDTH;
    canvas.height = EXPORT_HEIGHT;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, EXPORT_WIDTH, EXPORT_HEIGHT);
    this.paint(context, EXPORT_WIDTH, EXPORT_HEIGHT, '#111111');
    return canvas.toDataURL('image/png');
  }

  private paint(
    context: CanvasRenderingContext2D,
    width: number,
    height: number,
    color: string,
  ): void {
    context.lineWidth = Math.max(2, width / 200);
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = color;
    for (const stroke of this.strokes) {
      if (stroke.length === 0) continue;
      context.beginPath();
      const [x0, y0] = stroke[0]!;
      context.moveTo(x0 * width, y0 * height);
      if (stroke.length === 1) context.lineTo(x0 * width + 0.1, y0 * height);
      for (const [x, y] of stroke.slice(1)) context.lineTo(x * width, y * height);
      context.stroke();
    }
  }

  /** Re-renders the strokes at the pad's current size (after a resize or a rotation). */
  private redraw(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    const color = getComputedStyle(this).getPropertyValue('--ck-color-text').trim() || '#111';
    this.paint(context, canvas.width, canvas.height, color);
  }

  private point(event: PointerEvent): [number, number] {
    const rect = this.canvas!.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    const y = Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height));
    return [Math.round(x * 10000) / 10000, Math.round(y * 10000) / 10000];
  }

  private handlePointerDown(event: PointerEvent): void {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    this.canvas?.setPointerCapture(event.pointerId);
    this.drawing = [this.point(event)];
    this.strokes = [...this.strokes, this.drawing];
    this.redraw();
  }

  private handlePointerMove(event: PointerEvent): void {
    if (!this.drawing) return;
    for (const sample of event.getCoalescedEvents?.() ?? [event])
      this.drawing.push(this.point(sample));
    this.redraw();
  }

  private handlePointerUp(): void {
    if (!this.drawing) return;
    this.drawing = undefined;
    this.strokes = [...this.strokes];
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private handleClear(): void {
    this.strokes = [];
    this.redraw();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  override render(): TemplateResult {
    const t = this.localize.term.bind(this.localize);
    const authorization = this.authorization;
    const example = this.expectedNames[0];
    return html`
      ${
        authorization
          ? html`<section class="authorization" aria-labelledby="auth-title" tabindex="0">
              <h3 id="auth-title">${authorization.title}</h3>
              ${renderDocumentBody(authorization.body)}
            </section>`
          : nothing
      }
      <ck-text-field
        id="name"
        name="signature_name"
        required
        required-code="signature_name_required"
        autocomplete="name"
        .label=${t('signature_name_label')}
        .hint=${example ? t('signature_name_hint', { name: example }) : ''}
        .validator=${this.nameMatches}
      ></ck-text-field>
      <ck-checkbox
        id="esign"
        name="esign_consent"
        required
        required-code="esign_required"
        .label=${t('esign_consent')}
      ></ck-checkbox>
      <p class="date">
        ${t('signature_date', { date: this.localize.date(this.date ?? new Date()) })}
      </p>
      <div class="pad">
        <span class="pad-label" id="pad-label">${t('draw_signature')}</span>
        <div class="pad-hint" id="pad-hint">${t('draw_signature_hint')}</div>
        <canvas
          part="pad"
          role="img"
          aria-labelledby="pad-label"
          aria-describedby="pad-hint"
          @pointerdown=${this.handlePointerDown}
          @pointermove=${this.handlePointerMove}
          @pointerup=${this.handlePointerUp}
          @pointercancel=${this.handlePointerUp}
        ></canvas>
        ${this.hasDrawing ? html`<button type="button" class="link clear" @click=${this.handleClear}>${t('clear_signature')}</button>` : nothing}
      </div>
    `;
  }
}

defineElement('ck-signature', CkSignature);

declare global {
  interface HTMLElementTagNameMap {
    'ck-signature': CkSignature;
  }
}
