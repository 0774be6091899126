/** For `play`: show the field's error as after a submit attempt. */
export async function reportAll(canvas: HTMLElement, selector: string): Promise<void> {
  for (const element of canvas.querySelectorAll<
    HTMLElement & { reportValidity(): boolean; updateComplete?: Promise<unknown> }
  >(selector)) {
    await element.updateComplete;
    element.reportValidity();
  }
}
