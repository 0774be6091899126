import { US_STATES, type ValidationCatalog } from '@checkr-kit/validation';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A select's `<option>`s as nodes, made again only when the choices change: the state names of
 * another language, or another `options` array. Fifty-three states as Lit templates (an
 * instance and three parts each) were most of a state select's first render; as one fragment
 * they are inserted in one step, and later renders (a keystroke in the licence number) hand Lit
 * the same fragment, which it leaves alone. `selected` counts when they are made, before the
 * select's `.value` binding can find them; afterwards that binding rules.
 */
export class OptionNodes {
  private choices: object | undefined;
  private nodes!: DocumentFragment;

  of(
    choices: ValidationCatalog['stateNames'] | readonly SelectOption[],
    selected: string,
  ): DocumentFragment {
    if (choices !== this.choices) {
      this.choices = choices;
      const list =
        'map' in choices
          ? choices
          : US_STATES.map(([value, name]) => ({ value, label: choices[value] ?? name }));
      this.nodes = document.createDocumentFragment();
      for (const { value, label } of list)
        this.nodes.append(new Option(label, value, false, value === selected));
    }
    return this.nodes;
  }
}
