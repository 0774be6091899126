/** For `play`: show the field's error as after a submit attempt. */
export async function reportAll(canvas: HTMLElement, selector: string): Promise<void> {
  for (const element of canvas.querySelectorAll<
    HTMLElement & { reportValidity(): boolean; updateComplete?: Promise<unknown> }
  >(selector)) {
    await element.updateComplete;
    element.reportValidity();
  }
}

/** The attributes every form field shares, as Storybook controls (see CkFormControl). */
export interface FieldArgs {
  label: string;
  hint: string;
  value: string;
  required: boolean;
  disabled: boolean;
}

/** For `play`: leave the field as a person would, so the email suggestion is offered. */
export async function commitInput(canvas: HTMLElement, selector: string): Promise<void> {
  const field = canvas.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(selector)!;
  await field.updateComplete;
  field.shadowRoot!.querySelector('input')!.dispatchEvent(new Event('change'));
}
